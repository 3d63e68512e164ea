#pragma once

#include <string>
#include <utility>
#include <variant>

namespace softphone::protocol {

// Why a piece of input was refused. Stable: tests and callers switch on it.
enum class DecodeErrorKind {
    NotJson,       // not parseable as JSON text
    TooLarge,      // over the size limit for this kind of input
    WrongType,     // a JSON value of the wrong type (string where a number belongs, ...)
    MissingField,  // a required field is absent
    NotInteger,    // a number with a fraction or exponent where an integer belongs
    OutOfRange,    // an integer or a length outside its allowed range
    Duplicate,     // a value that must be unique appears twice
    InvalidValue,  // a value of the right type that is not allowed (bad account id, unknown enum)
};

const char *decodeErrorKindName(DecodeErrorKind kind);

struct DecodeError
{
    DecodeErrorKind kind = DecodeErrorKind::InvalidValue;
    std::string path;    // where in the input: "durations[1].accid"; empty for the whole input
    std::string detail;  // what is wrong there, in words

    // "durations[1].accid: duplicate accid \"acc01\""
    std::string message() const;
    bool operator==(const DecodeError &) const = default;
};

// A value or the reason there is none. The codec never throws; this is what it returns.
template<class T, class E = DecodeError>
class Expected
{
public:
    Expected(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {}
    Expected(E error)
        : m_state(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, E> m_state;
};

}  // namespace softphone::protocol
