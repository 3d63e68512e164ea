#pragma once

// Field-by-field JSON reading and writing for the typed protocol messages.
//
// A message type lists its fields once, in a static template `describe(self, visitor)`;
// FieldReader walks that list to decode and validate, FieldWriter walks it to encode, so
// the two directions cannot drift apart. Reading never throws: the first problem found is
// kept as a DecodeError with the path of the offending value.

#include "expected.h"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace softphone::protocol {

using json = nlohmann::json;

// What a field check found wrong; a default-constructed Problem means "acceptable".
struct Problem
{
    DecodeErrorKind kind = DecodeErrorKind::InvalidValue;
    const char *detail = nullptr;
    explicit operator bool() const { return detail != nullptr; }
};

inline Problem invalid(const char *detail)
{
    return {DecodeErrorKind::InvalidValue, detail};
}
inline Problem outOfRange(const char *detail)
{
    return {DecodeErrorKind::OutOfRange, detail};
}

template<class T>
using Check = Problem (*)(const T &);

// String-valued enums specialise this with `entries`: pairs of value and wire name.
template<class E>
struct EnumNames;

// Integer-valued enums specialise this with the inclusive range of wire values.
template<class E>
struct EnumRange;

template<class E>
concept NamedEnum = std::is_enum_v<E> && requires
{
    EnumNames<E>::entries;
};
template<class E>
concept RangedEnum = std::is_enum_v<E> && requires
{
    EnumRange<E>::min;
};

template<NamedEnum E>
constexpr std::string_view enumName(E value)
{
    for (const auto &[entry, name] : EnumNames<E>::entries) {
        if (entry == value)
            return name;
    }
    return EnumNames<E>::entries.front().second;
}

template<NamedEnum E>
constexpr std::optional<E> enumFromName(std::string_view name)
{
    for (const auto &[entry, text] : EnumNames<E>::entries) {
        if (text == name)
            return entry;
    }
    return std::nullopt;
}

class FieldReader;
class FieldWriter;

template<class T>
concept Described = requires(T &t, const T &c, FieldReader &r, FieldWriter &w)
{
    T::describe(t, r);
    T::describe(c, w);
};

template<class T>
concept SelfValidating = requires(const T &t)
{
    {
        t.validate()
        } -> std::same_as<std::optional<DecodeError>>;
};

// Where a value being read sits, "params.durations[1].accid": a chain of its parts, each on
// the stack of the reader of its level, written out as text only when there is an error to
// tell (most values read have none, and their paths would cost an allocation each).
class FieldPath
{
public:
    FieldPath(const char *root)
        : m_part(root)
    {}
    FieldPath(std::string_view root = {})
        : m_part(root)
    {}
    FieldPath(const FieldPath &parent, std::string_view key)
        : m_parent(&parent)
        , m_part(key)
    {}
    FieldPath(const FieldPath &parent, std::size_t index)
        : m_parent(&parent)
        , m_index(index)
        , m_isIndex(true)
    {}

    std::string text() const;

private:
    const FieldPath *m_parent = nullptr;
    std::string_view m_part;
    std::size_t m_index = 0;
    bool m_isIndex = false;
};

namespace detail {

// Integers stay within what a JavaScript peer reads exactly.
inline constexpr std::int64_t kMaxSafeInteger = (std::int64_t{1} << 53) - 1;

std::string joinPath(std::string_view parent, std::string_view key);
std::string indexPath(std::string_view parent, std::size_t index);
const char *jsonTypeName(const json &value);
DecodeError wrongType(const FieldPath &path, const char *expected, const json &value);

// The rules every reader of fields holds a value to, whatever form it came in.
bool isSafeInteger(std::int64_t value, const FieldPath &path, DecodeError &error);
bool narrowToInt(std::int64_t wide, int &out, const FieldPath &path, DecodeError &error);
template<class T>
bool passesCheck(Check<T> check, const T &value, const FieldPath &path,
                 std::optional<DecodeError> &error)
{
    if (!check)
        return true;
    if (const Problem problem = check(value)) {
        error = DecodeError{problem.kind, path.text(), problem.detail};
        return false;
    }
    return true;
}

bool readValue(const json &in, std::string &out, const FieldPath &path, DecodeError &error);
bool readValue(const json &in, bool &out, const FieldPath &path, DecodeError &error);
bool readValue(const json &in, std::int64_t &out, const FieldPath &path, DecodeError &error);
bool readValue(const json &in, int &out, const FieldPath &path, DecodeError &error);
bool readValue(const json &in, json &out, const FieldPath &path, DecodeError &error);

template<NamedEnum E>
bool readValue(const json &in, E &out, const FieldPath &path, DecodeError &error)
{
    if (!in.is_string()) {
        error = wrongType(path, "a string", in);
        return false;
    }
    if (const auto value = enumFromName<E>(in.get_ref<const std::string &>())) {
        out = *value;
        return true;
    }
    std::string allowed;
    for (const auto &entry : EnumNames<E>::entries)
        allowed += (allowed.empty() ? "\"" : ", \"") + std::string(entry.second) + "\"";
    error = {DecodeErrorKind::InvalidValue, path.text(), "must be one of " + allowed};
    return false;
}

template<RangedEnum E>
bool readValue(const json &in, E &out, const FieldPath &path, DecodeError &error)
{
    std::int64_t number = 0;
    if (!readValue(in, number, path, error))
        return false;
    if (number < EnumRange<E>::min || number > EnumRange<E>::max) {
        error = {DecodeErrorKind::OutOfRange, path.text(),
                 "must be between " + std::to_string(EnumRange<E>::min) + " and " +
                     std::to_string(EnumRange<E>::max) + ", got " + std::to_string(number)};
        return false;
    }
    out = static_cast<E>(number);
    return true;
}

template<Described T>
bool readValue(const json &in, T &out, const FieldPath &path, DecodeError &error);

template<class T>
bool readValue(const json &in, std::vector<T> &out, const FieldPath &path, DecodeError &error)
{
    if (!in.is_array()) {
        error = wrongType(path, "an array", in);
        return false;
    }
    out.clear();
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        T item{};
        if (!readValue(in[i], item, FieldPath(path, i), error))
            return false;
        out.push_back(std::move(item));
    }
    return true;
}

inline json writeValue(const std::string &v)
{
    return v;
}
inline json writeValue(bool v)
{
    return v;
}
inline json writeValue(std::int64_t v)
{
    return v;
}
inline json writeValue(int v)
{
    return v;
}
inline json writeValue(const json &v)
{
    return v;
}

template<NamedEnum E>
json writeValue(E v)
{
    return std::string(enumName(v));
}

template<RangedEnum E>
json writeValue(E v)
{
    return static_cast<std::int64_t>(v);
}

template<Described T>
json writeValue(const T &v);

template<class T>
json writeValue(const std::vector<T> &items)
{
    json array = json::array();
    for (const auto &item : items)
        array.push_back(writeValue(item));
    return array;
}

}  // namespace detail

class FieldReader
{
public:
    FieldReader(const json &object, const FieldPath &path)
        : m_object(object)
        , m_path(path)
    {}

    template<class T>
    void req(const char *key, T &out, Check<T> check = nullptr)
    {
        if (failed())
            return;
        auto it = m_object.find(key);
        if (it == m_object.end()) {
            m_error = DecodeError{DecodeErrorKind::MissingField, FieldPath(m_path, key).text(),
                                  "is required"};
            return;
        }
        readInto(key, *it, out, check);
    }

    // An absent or null optional field leaves `out` as it was (its default).
    template<class U>
    void opt(const char *key, std::optional<U> &out, Check<U> check = nullptr)
    {
        if (const json *value = present(key)) {
            U inner{};
            if (readInto(key, *value, inner, check))
                out = std::move(inner);
        }
    }

    template<class T>
    void opt(const char *key, T &out, Check<T> check = nullptr)
    {
        if (const json *value = present(key))
            readInto(key, *value, out, check);
    }

    bool failed() const { return m_error.has_value(); }
    const std::optional<DecodeError> &error() const { return m_error; }

private:
    const json *present(const char *key) const
    {
        if (failed())
            return nullptr;
        auto it = m_object.find(key);
        return it == m_object.end() || it->is_null() ? nullptr : &*it;
    }

    template<class T>
    bool readInto(const char *key, const json &value, T &out, Check<T> check)
    {
        const FieldPath path(m_path, key);
        DecodeError error;
        if (!detail::readValue(value, out, path, error)) {
            m_error = std::move(error);
            return false;
        }
        return detail::passesCheck(check, out, path, m_error);
    }

    const json &m_object;
    const FieldPath &m_path;
    std::optional<DecodeError> m_error;
};

class FieldWriter
{
public:
    explicit FieldWriter(json &object)
        : m_object(object)
    {}

    template<class T>
    void req(const char *key, const T &value, Check<T> = nullptr)
    {
        m_object[key] = detail::writeValue(value);
    }

    template<class U>
    void opt(const char *key, const std::optional<U> &value, Check<U> = nullptr)
    {
        if (value)
            m_object[key] = detail::writeValue(*value);
    }

    template<class T>
    void opt(const char *key, const T &value, Check<T> = nullptr)
    {
        m_object[key] = detail::writeValue(value);
    }

private:
    json &m_object;
};

namespace detail {

template<Described T>
bool readValue(const json &in, T &out, const FieldPath &path, DecodeError &error)
{
    if (!in.is_object()) {
        error = wrongType(path, "an object", in);
        return false;
    }
    FieldReader reader(in, path);
    T::describe(out, reader);
    if (reader.failed()) {
        error = *reader.error();
        return false;
    }
    if constexpr (SelfValidating<T>) {
        if (auto problem = out.validate()) {
            problem->path = joinPath(path.text(), problem->path);
            error = std::move(*problem);
            return false;
        }
    }
    return true;
}

template<Described T>
json writeValue(const T &v)
{
    json object = json::object();
    FieldWriter writer(object);
    T::describe(v, writer);
    return object;
}

}  // namespace detail

template<Described T>
json toJson(const T &value)
{
    return detail::writeValue(value);
}

template<Described T>
Expected<T> fromJson(const json &in, std::string_view path = {})
{
    T out{};
    DecodeError error;
    if (!detail::readValue(in, out, FieldPath(path), error))
        return error;
    return out;
}

}  // namespace softphone::protocol
