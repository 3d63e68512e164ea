#include "json_fields.h"

#include <limits>

namespace softphone::protocol {

std::string FieldPath::text() const
{
    if (!m_parent)
        return std::string(m_part);
    const std::string parent = m_parent->text();
    return m_isIndex ? detail::indexPath(parent, m_index) : detail::joinPath(parent, m_part);
}

}  // namespace softphone::protocol

namespace softphone::protocol::detail {

std::string joinPath(std::string_view parent, std::string_view key)
{
    if (parent.empty())
        return std::string(key);
    if (key.empty())
        return std::string(parent);
    std::string path;
    path.reserve(parent.size() + 1 + key.size());
    path.append(parent).append(".").append(key);
    return path;
}

std::string indexPath(std::string_view parent, std::size_t index)
{
    return std::string(parent) + "[" + std::to_string(index) + "]";
}

const char *jsonTypeName(const json &value)
{
    switch (value.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "an integer";
    case json::value_t::number_float:
        return "a number";
    case json::value_t::string:
        return "a string";
    case json::value_t::array:
        return "an array";
    case json::value_t::object:
        return "an object";
    default:
        return "an unsupported value";
    }
}

DecodeError wrongType(const FieldPath &path, const char *expected, const json &value)
{
    return {DecodeErrorKind::WrongType, path.text(),
            std::string("must be ") + expected + ", got " + jsonTypeName(value)};
}

bool readValue(const json &in, std::string &out, const FieldPath &path, DecodeError &error)
{
    if (!in.is_string()) {
        error = wrongType(path, "a string", in);
        return false;
    }
    out = in.get_ref<const std::string &>();
    return true;
}

bool readValue(const json &in, bool &out, const FieldPath &path, DecodeError &error)
{
    if (!in.is_boolean()) {
        error = wrongType(path, "a boolean", in);
        return false;
    }
    out = in.get<bool>();
    return true;
}

bool isSafeInteger(std::int64_t value, const FieldPath &path, DecodeError &error)
{
    if (value > kMaxSafeInteger || value < -kMaxSafeInteger) {
        error = {DecodeErrorKind::OutOfRange, path.text(), "must be within +/-(2^53-1)"};
        return false;
    }
    return true;
}

bool narrowToInt(std::int64_t wide, int &out, const FieldPath &path, DecodeError &error)
{
    if (wide > std::numeric_limits<int>::max() || wide < std::numeric_limits<int>::min()) {
        error = {DecodeErrorKind::OutOfRange, path.text(), "must fit in 32 bits"};
        return false;
    }
    out = static_cast<int>(wide);
    return true;
}

bool readValue(const json &in, std::int64_t &out, const FieldPath &path, DecodeError &error)
{
    if (in.is_number_float()) {
        error = {DecodeErrorKind::NotInteger, path.text(), "must be an integer"};
        return false;
    }
    if (!in.is_number_integer()) {
        error = wrongType(path, "an integer", in);
        return false;
    }
    if (in.is_number_unsigned() && in.get<std::uint64_t>() > std::uint64_t(kMaxSafeInteger))
        return isSafeInteger(kMaxSafeInteger + 1, path, error);
    if (!isSafeInteger(in.get<std::int64_t>(), path, error))
        return false;
    out = in.get<std::int64_t>();
    return true;
}

bool readValue(const json &in, int &out, const FieldPath &path, DecodeError &error)
{
    std::int64_t wide = 0;
    return readValue(in, wide, path, error) && narrowToInt(wide, out, path, error);
}

bool readValue(const json &in, json &out, const FieldPath &, DecodeError &)
{
    out = in;
    return true;
}

}  // namespace softphone::protocol::detail
