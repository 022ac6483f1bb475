#pragma once

#include <cstddef>
#include <type_traits>
#include <utility>

// How many fields an aggregate record has, at compile time. Every place that maps a domain
// record field by field (the JSON codec, the client cache's columns, the server's rows) states
// the count it handles:
//
//     static_assert(fieldCount<Representative>() == 9, "map the new field here too");
//
// so a field added to a record fails to compile on each side until that side maps it.
// (The idea is the one Boost.PFR is built on: count the initialisers the aggregate accepts.)

namespace FieldCountDetail {

// Converts to any field type, as a reference so that no converting constructor competes.
struct AnyField
{
    template<typename T> operator T &() const;
    template<typename T> operator T &&() const;
};

template<typename T, typename Indices, typename = void> struct Accepts : std::false_type
{};
template<typename T, std::size_t... I>
struct Accepts<T, std::index_sequence<I...>, std::void_t<decltype(T{(void(I), AnyField{})...})>>
    : std::true_type
{};

} // namespace FieldCountDetail

template<typename T, std::size_t N = 0> constexpr std::size_t fieldCount()
{
    static_assert(std::is_aggregate_v<T>, "fieldCount counts the fields of aggregates only");
    if constexpr (FieldCountDetail::Accepts<T, std::make_index_sequence<N + 1>>::value)
        return fieldCount<T, N + 1>();
    else
        return N;
}
