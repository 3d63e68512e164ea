#include "field_lines.h"

#include "json_writer.h"
#include "limits.h"
#include "text_lines.h"

#include <charconv>

namespace softphone::protocol {

namespace {

DecodeError fieldNotA(const FieldPath &path, const char *expected)
{
    return {DecodeErrorKind::WrongType, path.text(), std::string("must be ") + expected};
}

}  // namespace

namespace detail {

void appendField(std::string &out, std::string_view key, char type, std::string_view value)
{
    char length[24];
    const auto lengthEnd = std::to_chars(std::begin(length), std::end(length), value.size()).ptr;
    out += key;
    out += '\n';
    out += type;
    out += '\n';
    out.append(length, lengthEnd);
    out += '\n';
    out += value;
}

void appendFieldValue(std::string &out, std::string_view key, const std::string &value)
{
    appendField(out, key, 's', value);
}

void appendFieldValue(std::string &out, std::string_view key, bool value)
{
    appendField(out, key, 'b', value ? "1" : "0");
}

void appendFieldValue(std::string &out, std::string_view key, std::int64_t value)
{
    char digits[24];
    const auto end = std::to_chars(std::begin(digits), std::end(digits), value).ptr;
    appendField(out, key, 'i', std::string_view(digits, std::size_t(end - digits)));
}

void appendFieldValue(std::string &out, std::string_view key, int value)
{
    appendFieldValue(out, key, std::int64_t(value));
}

std::optional<LineFields> LineFields::read(std::string_view text)
{
    LineFields fields;
    while (!text.empty()) {
        const auto key = takeLine(text), type = takeLine(text), length = takeLine(text);
        std::size_t size = 0;
        if (!key || !type || !length || type->size() != 1 || !readDecimal(*length, size) ||
            size > text.size() || fields.m_count == kMaxFields || fields.find(*key))
            return std::nullopt;
        fields.m_fields[fields.m_count++] = {*key, type->front(), text.substr(0, size)};
        text.remove_prefix(size);
    }
    return fields;
}

const LineField *LineFields::find(std::string_view key) const
{
    for (std::size_t i = 0; i < m_count; ++i) {
        if (m_fields[i].key == key)
            return &m_fields[i];
    }
    return nullptr;
}

bool readLineValue(const LineField &in, std::string &out, const FieldPath &path, DecodeError &error)
{
    if (in.type != 's') {
        error = fieldNotA(path, "a string");
        return false;
    }
    // What JSON's parser would have refused.
    if (!isValidUtf8(in.value)) {
        error = {DecodeErrorKind::InvalidValue, path.text(), "must be UTF-8"};
        return false;
    }
    out = in.value;
    return true;
}

bool readLineValue(const LineField &in, bool &out, const FieldPath &path, DecodeError &error)
{
    if (in.type != 'b' || (in.value != "0" && in.value != "1")) {
        error = fieldNotA(path, "a boolean");
        return false;
    }
    out = in.value == "1";
    return true;
}

bool readLineValue(const LineField &in, std::int64_t &out, const FieldPath &path,
                   DecodeError &error)
{
    std::int64_t number = 0;
    if (in.type != 'i' || !readDecimal(in.value, number)) {
        error = fieldNotA(path, "an integer");
        return false;
    }
    if (!isSafeInteger(number, path, error))
        return false;
    out = number;
    return true;
}

bool readLineValue(const LineField &in, int &out, const FieldPath &path, DecodeError &error)
{
    std::int64_t wide = 0;
    return readLineValue(in, wide, path, error) && narrowToInt(wide, out, path, error);
}

}  // namespace detail

std::optional<std::string> fieldLinesAsJson(std::string_view text)
{
    const auto fields = detail::LineFields::read(text);
    if (!fields)
        return std::nullopt;
    std::string out(1, '{');
    bool first = true;
    for (std::size_t i = 0; const detail::LineField *field = fields->at(i); ++i) {
        std::int64_t number = 0;
        const bool valid = (field->type == 's' && isValidUtf8(field->value)) ||
                           (field->type == 'b' && (field->value == "0" || field->value == "1")) ||
                           (field->type == 'i' && readDecimal(field->value, number));
        if (!valid || !isValidUtf8(field->key))
            return std::nullopt;
        out += first ? "" : ",";
        first = false;
        appendJsonString(out, field->key);
        out += ':';
        if (field->type == 's')
            appendJsonString(out, field->value);
        else if (field->type == 'b')
            out += field->value == "1" ? "true" : "false";
        else
            appendJsonInteger(out, number);
    }
    out += '}';
    return out;
}

}  // namespace softphone::protocol
