#pragma once

// JSON text written straight from a described message, without building a json value first:
// the value's nodes, its map of keys and their teardown cost more than the text itself.
//
// The text is byte for byte what nlohmann::json's compact dump of toJson(value) gives (the
// bytes on the wire did not change): members in the order of their keys, as a json object
// keeps them; strings escaped as its dump escapes them.

#include "json_fields.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace softphone::protocol {

// `text` as a JSON string: '"', '\\' and control characters escaped, other valid UTF-8 as it
// is, invalid UTF-8 replaced by U+FFFD the way nlohmann::json replaces it.
void appendJsonString(std::string &out, std::string_view text);
void appendJsonInteger(std::string &out, std::int64_t value);

template<Described T>
void appendJson(std::string &out, const T &value);

namespace detail {

inline void appendValue(std::string &out, const std::string &v)
{
    appendJsonString(out, v);
}
inline void appendValue(std::string &out, bool v)
{
    out += v ? "true" : "false";
}
inline void appendValue(std::string &out, std::int64_t v)
{
    appendJsonInteger(out, v);
}
inline void appendValue(std::string &out, int v)
{
    appendJsonInteger(out, v);
}
void appendValue(std::string &out, const json &v);

template<NamedEnum E>
void appendValue(std::string &out, E v)
{
    appendJsonString(out, enumName(v));
}

template<RangedEnum E>
void appendValue(std::string &out, E v)
{
    appendJsonInteger(out, static_cast<std::int64_t>(v));
}

template<Described T>
void appendValue(std::string &out, const T &v)
{
    appendJson(out, v);
}

template<class T>
void appendValue(std::string &out, const std::vector<T> &items)
{
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ',';
        appendValue(out, items[i]);
    }
    out += ']';
}

}  // namespace detail

// The describe() visitor of the text writer. describe() lists the fields in the message's own
// order, but the text has them in the order of their keys: the fields are noted first (key,
// value and how to write it) and written once all are known, in an order sorted once per type.
class FieldTextWriter
{
public:
    static constexpr std::size_t kMaxFields = 16;

    template<class T>
    void req(const char *key, const T &value, Check<T> = nullptr)
    {
        note(key, &value, &writeErased<T>);
    }

    template<class U>
    void opt(const char *key, const std::optional<U> &value, Check<U> = nullptr)
    {
        note(key, value ? &*value : nullptr, &writeErased<U>);
    }

    template<class T>
    void opt(const char *key, const T &value, Check<T> = nullptr)
    {
        note(key, &value, &writeErased<T>);
    }

    // The fields' positions in the order of their keys.
    class KeyOrder
    {
    public:
        explicit KeyOrder(const FieldTextWriter &fields);

    private:
        friend class FieldTextWriter;
        std::array<std::uint8_t, kMaxFields> m_positions{};
        std::size_t m_count = 0;
    };

    void writeObject(std::string &out, const KeyOrder &order) const;

private:
    using Write = void (*)(std::string &, const void *);

    struct Field
    {
        const char *key;
        const void *value;  // null: an absent optional, left out
        Write write;
    };

    template<class T>
    static void writeErased(std::string &out, const void *value)
    {
        detail::appendValue(out, *static_cast<const T *>(value));
    }

    void note(const char *key, const void *value, Write write);

    std::array<Field, kMaxFields> m_fields;
    std::size_t m_count = 0;
};

template<Described T>
void appendJson(std::string &out, const T &value)
{
    FieldTextWriter fields;
    T::describe(value, fields);
    static const FieldTextWriter::KeyOrder order(fields);
    fields.writeObject(out, order);
}

// The text of toJson(value).dump(), without the json value.
template<Described T>
std::string toJsonText(const T &value)
{
    std::string text;
    appendJson(text, value);
    return text;
}

}  // namespace softphone::protocol
