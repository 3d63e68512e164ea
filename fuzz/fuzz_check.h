#pragma once

// An invariant a fuzz target asserts. A broken one aborts, so libFuzzer keeps the input as a
// crash; asserts would vanish under NDEBUG.

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", __FILE__, __LINE__,       \
                         what);                                                                    \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
