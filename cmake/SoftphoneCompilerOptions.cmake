# Compiler settings every target of the project links to through softphone::options.

add_library(softphone_options INTERFACE)
add_library(softphone::options ALIAS softphone_options)

if(MSVC)
    target_compile_options(softphone_options INTERFACE /W4 /permissive- /utf-8)
    if(SOFTPHONE_WERROR)
        target_compile_options(softphone_options INTERFACE /WX)
    endif()
else()
    target_compile_options(softphone_options INTERFACE -Wall -Wextra -Wpedantic)
    if(SOFTPHONE_WERROR)
        target_compile_options(softphone_options INTERFACE -Werror)
    endif()
endif()

if(SOFTPHONE_SANITIZE)
    if(MSVC)
        target_compile_options(softphone_options INTERFACE /fsanitize=address)
    else()
        # GCC leaves float-cast-overflow out of "undefined": a float from a peer cast to an
        # integer is the kind of input this pass is for.
        set(_sanitizers -fsanitize=address,undefined,float-cast-overflow
                        -fno-sanitize-recover=all -fno-omit-frame-pointer)
        target_compile_options(softphone_options INTERFACE ${_sanitizers})
        target_link_options(softphone_options INTERFACE ${_sanitizers})
    endif()
endif()

# Every library a fuzzer links is instrumented for coverage feedback; the fuzzers add
# -fsanitize=fuzzer (libFuzzer's main) themselves, in fuzz/CMakeLists.txt.
if(SOFTPHONE_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "SOFTPHONE_FUZZ needs clang (cmake --preset fuzz)")
    endif()
    if(SOFTPHONE_FUZZ_COVERAGE)
        set(_fuzz_flags -fprofile-instr-generate -fcoverage-mapping)
        target_compile_options(softphone_options INTERFACE ${_fuzz_flags})
        target_link_options(softphone_options INTERFACE ${_fuzz_flags})
    else()
        set(_fuzz_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all
                             -fno-omit-frame-pointer)
        target_compile_options(softphone_options INTERFACE -fsanitize=fuzzer-no-link
                                                           ${_fuzz_sanitizers})
        target_link_options(softphone_options INTERFACE ${_fuzz_sanitizers})
    endif()
endif()

target_compile_definitions(softphone_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    SOFTPHONE_VERSION="${PROJECT_VERSION}")
