# PONDER_SANITIZE=address,undefined turns on sanitizers for every target (the asan preset).
set(PONDER_SANITIZE "" CACHE STRING "Comma-separated sanitizers, e.g. address,undefined")
if(PONDER_SANITIZE AND NOT MSVC)
    add_compile_options(-fsanitize=${PONDER_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
    add_link_options(-fsanitize=${PONDER_SANITIZE})
endif()
