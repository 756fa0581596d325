# SPDX-License-Identifier: MIT
# Fails when any C++ file differs from what clang-format makes of it (run as a test).
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/app/*.cpp" "${SOURCE_DIR}/app/*.h"
    "${SOURCE_DIR}/backend/*.cpp" "${SOURCE_DIR}/backend/*.h"
    "${SOURCE_DIR}/qml/*.cpp" "${SOURCE_DIR}/qml/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h"
    "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/bench/*.h")
list(FILTER sources EXCLUDE REGEX "/node_modules/")
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${sources} RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "clang-format would change the files above: run clang-format -i on them")
endif()
