# SPDX-License-Identifier: MIT
# One place for compiler warnings, applied to every Ponder target.
option(PONDER_WERROR "Treat compiler warnings as errors (on in CI)" OFF)

function(ponder_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive-)
        if(PONDER_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE
            -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
            -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
        if(PONDER_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
endfunction()
