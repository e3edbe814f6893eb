// log.h - a generic structured logger.
//
// log("what", value) accepts *any* value: anything streamable is printed,
// anything else is logged as an opaque object. Convenient, but it also means
// the compiler will happily let you log a Task<Status> instead of a Status.
#pragma once

#include <iostream>
#include <string_view>

namespace alertd {

inline void log(std::string_view message) {
    std::cout << "[alertd] " << message << '\n';
}

template <typename T>
void log(std::string_view what, const T& value) {
    std::cout << "[alertd] " << what << ": ";
    if constexpr (requires(std::ostream& os, const T& v) { os << v; })
        std::cout << value;
    else
        std::cout << "<object of " << sizeof(T) << " bytes at " << static_cast<const void*>(&value) << '>';
    std::cout << '\n';
}

} // namespace alertd
