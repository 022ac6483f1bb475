#pragma once

#include <utility>
#include <variant>

// A value or an error, for library boundaries where failure is an ordinary outcome
// (bad input, a refused request, a corrupt file). C++17 has no std::expected yet.
template<typename T, typename E> class Expected
{
public:
    Expected(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Expected(E error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const E &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, E> m_data;
};

// For operations that return nothing on success.
struct Unit
{};
