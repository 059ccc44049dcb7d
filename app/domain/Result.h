#pragma once

#include "Error.h"

#include <optional>
#include <utility>
#include <variant>

namespace rework {

/// A value or an Error. Small on purpose: C++20 has no std::expected yet.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

/// An error whose message was written without an English source (text from elsewhere).
inline Error makeError(ErrorCode code, QString field, const QString& message)
{
    return Error{code, std::move(field), message, message};
}

inline Error makeError(ErrorCode code, QString field, const Message& message)
{
    return Error{code, std::move(field), message.translated(), message.english()};
}

} // namespace rework
