# SPDX-License-Identifier: MIT
# Fails when a .ts file has a message without a finished translation (run as a test, with -P).
# Usage: cmake -DTS_FILES="a.ts;b.ts" -P CheckTranslations.cmake
set(problems 0)
foreach(ts IN LISTS TS_FILES)
    file(READ "${ts}" content)
    string(REGEX MATCHALL "<translation type=\"unfinished\"[^>]*>|<translation></translation>|<translation/>" unfinished "${content}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        message(SEND_ERROR "${ts}: ${count} unfinished translation(s); add them to translations/glossary.tsv and run scripts/fill-translations.py")
        math(EXPR problems "${problems} + ${count}")
    endif()
endforeach()
if(problems EQUAL 0)
    message(STATUS "every translation is finished")
endif()
