# SPDX-License-Identifier: MIT
# PONDER_SANITIZE=address,undefined turns on sanitizers for every target (the asan preset).
set(PONDER_SANITIZE "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")
if(PONDER_SANITIZE AND NOT MSVC)
    set(PONDER_SANITIZE_FLAGS ${PONDER_SANITIZE})
    # GCC leaves float-cast-overflow out of "undefined" (clang has it): a client's 1e300 cast to an integer is
    # exactly the undefined behaviour a server must not have, so it is asked for by name.
    if(PONDER_SANITIZE MATCHES "undefined" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        string(APPEND PONDER_SANITIZE_FLAGS ",float-cast-overflow")
    endif()
    add_compile_options(-fsanitize=${PONDER_SANITIZE_FLAGS} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${PONDER_SANITIZE_FLAGS})
endif()
