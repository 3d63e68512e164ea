#include "json_text.h"

#include <array>

namespace softphone::protocol {

namespace {

constexpr std::size_t kMaxNesting = 32;

// Builds the value as the parser reads it, and stops at the first thing the protocol refuses:
// nesting deeper than the limit (the parser's own structure, so comments cannot hide a
// bracket), and a key that appears twice in one object (a receiver that keeps the first
// would see another value than the one checked).
class BoundedBuilder : public nlohmann::json_sax<json>
{
public:
    json &result() { return m_root; }
    std::optional<DecodeError> &error() { return m_error; }

    bool null() override { return add(nullptr); }
    bool boolean(bool value) override { return add(value); }
    bool number_integer(number_integer_t value) override { return add(value); }
    bool number_unsigned(number_unsigned_t value) override { return add(value); }
    bool number_float(number_float_t value, const string_t &) override { return add(value); }
    // Copied, not moved: the value is the lexer's buffer, whose capacity then serves the
    // strings after it (moved away, it grew afresh, in steps, for every long string).
    bool string(string_t &value) override { return add(value); }
    bool binary(binary_t &) override { return fail(DecodeErrorKind::NotJson, {}, kNotJson); }

    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t &name) override
    {
        Level &level = innermost();
        if (level.value->contains(name)) {
            return fail(DecodeErrorKind::Duplicate, detail::joinPath(pathOf(m_depth - 1), name),
                        "duplicate key \"" + name + "\"");
        }
        level.key = name;  // copied, as a string value is
        return true;
    }

    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return fail(DecodeErrorKind::NotJson, {}, kNotJson);
    }

private:
    static constexpr const char *kNotJson = "not valid JSON text";

    struct Level
    {
        json *value;
        std::string key;  // the member being read, in an object
    };

    json *place(json value)
    {
        if (m_depth == 0) {
            m_root = std::move(value);
            return &m_root;
        }
        Level &level = innermost();
        if (level.value->is_array()) {
            level.value->push_back(std::move(value));
            return &level.value->back();
        }
        json &member = (*level.value)[level.key];
        member = std::move(value);
        return &member;
    }

    bool add(json value)
    {
        place(std::move(value));
        return true;
    }

    bool open(json container)
    {
        if (m_depth >= kMaxNesting) {
            return fail(DecodeErrorKind::TooLarge, {},
                        "nested deeper than " + std::to_string(kMaxNesting) + " levels");
        }
        json *opened = place(std::move(container));
        m_levels[m_depth++] = {opened, {}};
        return true;
    }

    bool close()
    {
        --m_depth;
        return true;
    }

    // "durations[1].accid": the path to the value being read inside the first `depth` levels.
    std::string pathOf(std::size_t depth) const
    {
        std::string path;
        for (std::size_t i = 0; i < depth; ++i) {
            const Level &level = m_levels[i];
            path = level.value->is_array() ? detail::indexPath(path, level.value->size() - 1)
                                           : detail::joinPath(path, m_levels[i].key);
        }
        return path;
    }

    bool fail(DecodeErrorKind kind, std::string path, std::string detail)
    {
        if (!m_error)
            m_error = DecodeError{kind, std::move(path), std::move(detail)};
        return false;
    }

    Level &innermost() { return m_levels[m_depth - 1]; }

    json m_root;
    // The open containers, outermost first: a fixed array, which a frame's few levels would
    // otherwise reallocate as they open.
    std::array<Level, kMaxNesting> m_levels{};
    std::size_t m_depth = 0;
    std::optional<DecodeError> m_error;
};

}  // namespace

Expected<json> parseJsonText(std::string_view text, std::size_t maxBytes, Comments comments)
{
    if (text.size() > maxBytes) {
        return DecodeError{DecodeErrorKind::TooLarge,
                           {},
                           "input is " + std::to_string(text.size()) + " bytes, the limit is " +
                               std::to_string(maxBytes)};
    }
    BoundedBuilder builder;
    const bool parsed = json::sax_parse(text.begin(), text.end(), &builder,
                                        json::input_format_t::json, /*strict=*/true,
                                        /*ignore_comments=*/comments == Comments::Allowed);
    if (!parsed)
        return builder.error().value_or(
            DecodeError{DecodeErrorKind::NotJson, {}, "not valid JSON text"});
    return std::move(builder.result());
}

std::string dumpJson(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace softphone::protocol
