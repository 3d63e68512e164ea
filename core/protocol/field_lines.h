#pragma once

// A flat message (strings, booleans, integers, enums, and optional ones of those) field by
// field in lines, for the servers of one cluster: a node hands another the params of a request
// its client sent, already read and checked, and the other reads them back without a JSON
// parser. Each field present is its key, its type (s string, b boolean, i integer), the length
// of its value in bytes and the value, each of the first three followed by a newline:
//
//     cid\ns\n32\n01a23f...accepted\nb\n1\n1
//
// Read back with the message's own checks, as its JSON is: another node is not trusted to have
// sent what it should.

#include "json_fields.h"

#include <array>
#include <string>
#include <string_view>

namespace softphone::protocol {

namespace detail {

void appendField(std::string &out, std::string_view key, char type, std::string_view value);
void appendFieldValue(std::string &out, std::string_view key, const std::string &value);
void appendFieldValue(std::string &out, std::string_view key, bool value);
void appendFieldValue(std::string &out, std::string_view key, std::int64_t value);
void appendFieldValue(std::string &out, std::string_view key, int value);

template<NamedEnum E>
void appendFieldValue(std::string &out, std::string_view key, E value)
{
    appendField(out, key, 's', enumName(value));
}

template<RangedEnum E>
void appendFieldValue(std::string &out, std::string_view key, E value)
{
    appendFieldValue(out, key, static_cast<std::int64_t>(value));
}

struct LineField
{
    std::string_view key;
    char type = 0;
    std::string_view value;
};

// The fields of one message, as views into its text.
class LineFields
{
public:
    static constexpr std::size_t kMaxFields = 32;
    // Nothing if `text` is not whole fields, names a key twice or holds more than kMaxFields.
    static std::optional<LineFields> read(std::string_view text);
    const LineField *find(std::string_view key) const;
    const LineField *at(std::size_t index) const
    {
        return index < m_count ? &m_fields[index] : nullptr;
    }

private:
    std::array<LineField, kMaxFields> m_fields;
    std::size_t m_count = 0;
};

bool readLineValue(const LineField &in, std::string &out, const FieldPath &path,
                   DecodeError &error);
bool readLineValue(const LineField &in, bool &out, const FieldPath &path, DecodeError &error);
bool readLineValue(const LineField &in, std::int64_t &out, const FieldPath &path,
                   DecodeError &error);
bool readLineValue(const LineField &in, int &out, const FieldPath &path, DecodeError &error);

template<NamedEnum E>
bool readLineValue(const LineField &in, E &out, const FieldPath &path, DecodeError &error)
{
    std::string name;
    if (!readLineValue(in, name, path, error))
        return false;
    // The JSON reader's own check and message for a name it does not know.
    return readValue(json(std::move(name)), out, path, error);
}

template<RangedEnum E>
bool readLineValue(const LineField &in, E &out, const FieldPath &path, DecodeError &error)
{
    std::int64_t number = 0;
    if (!readLineValue(in, number, path, error))
        return false;
    return readValue(json(number), out, path, error);
}

}  // namespace detail

class FieldLinesWriter
{
public:
    explicit FieldLinesWriter(std::string &out)
        : m_out(out)
    {}

    template<class T>
    void req(const char *key, const T &value, Check<T> = nullptr)
    {
        detail::appendFieldValue(m_out, key, value);
    }

    template<class U>
    void opt(const char *key, const std::optional<U> &value, Check<U> = nullptr)
    {
        if (value)
            detail::appendFieldValue(m_out, key, *value);
    }

    template<class T>
    void opt(const char *key, const T &value, Check<T> = nullptr)
    {
        detail::appendFieldValue(m_out, key, value);
    }

private:
    std::string &m_out;
};

class FieldLinesReader
{
public:
    FieldLinesReader(const detail::LineFields &fields, const FieldPath &path)
        : m_fields(fields)
        , m_path(path)
    {}

    template<class T>
    void req(const char *key, T &out, Check<T> check = nullptr)
    {
        if (failed())
            return;
        const detail::LineField *field = m_fields.find(key);
        if (!field) {
            m_error = DecodeError{DecodeErrorKind::MissingField, FieldPath(m_path, key).text(),
                                  "is required"};
            return;
        }
        readInto(key, *field, out, check);
    }

    template<class U>
    void opt(const char *key, std::optional<U> &out, Check<U> check = nullptr)
    {
        if (failed())
            return;
        if (const detail::LineField *field = m_fields.find(key)) {
            U inner{};
            if (readInto(key, *field, inner, check))
                out = std::move(inner);
        }
    }

    template<class T>
    void opt(const char *key, T &out, Check<T> check = nullptr)
    {
        if (failed())
            return;
        if (const detail::LineField *field = m_fields.find(key))
            readInto(key, *field, out, check);
    }

    bool failed() const { return m_error.has_value(); }
    const std::optional<DecodeError> &error() const { return m_error; }

private:
    template<class T>
    bool readInto(const char *key, const detail::LineField &field, T &out, Check<T> check)
    {
        const FieldPath path(m_path, key);
        DecodeError error;
        if (!detail::readLineValue(field, out, path, error)) {
            m_error = std::move(error);
            return false;
        }
        return detail::passesCheck(check, out, path, m_error);
    }

    const detail::LineFields &m_fields;
    const FieldPath &m_path;
    std::optional<DecodeError> m_error;
};

template<Described T>
void appendFieldLines(std::string &out, const T &value)
{
    FieldLinesWriter writer(out);
    T::describe(value, writer);
}

template<Described T>
Expected<T> fromFieldLines(std::string_view text, std::string_view path = "params")
{
    const FieldPath root(path);
    const auto fields = detail::LineFields::read(text);
    if (!fields)
        return DecodeError{DecodeErrorKind::InvalidValue, root.text(), "must be whole fields"};
    T out{};
    FieldLinesReader reader(*fields, root);
    T::describe(out, reader);
    if (reader.failed())
        return *reader.error();
    if constexpr (SelfValidating<T>) {
        if (auto problem = out.validate()) {
            problem->path = detail::joinPath(root.text(), problem->path);
            return *problem;
        }
    }
    return out;
}

// The same fields as a JSON object's text, for a server that reads only JSON; nothing if `text`
// is not whole fields.
std::optional<std::string> fieldLinesAsJson(std::string_view text);

}  // namespace softphone::protocol
