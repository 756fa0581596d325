# SPDX-License-Identifier: MIT
# The backend's layers: one static library per layer, each built from its folders of backend/ and linking only
# layers below it, so that a back edge fails here (at configure time) or at link time instead of waiting for a
# reviewer. Headers are checked too: the `layers_include_downward` test (cmake/CheckLayers.cmake) fails on an
# #include that reaches a layer the including one does not link, even one that would happen to compile and link.
#
# The order, bottom first. A layer may name only layers before it in LAYERS. docs/architecture.md says what
# each holds and where new code goes.
set(PONDER_LAYERS
    core # logging, data folders, the open-file limit, the version, clipped text, work off the loop: what every layer uses
    events # the event model: sessions, thinking steps, progress updates, stream ids, their JSON
    http # the HTTP/1.1 server and codec, the router, OpenAI-style errors
    store # where sessions and their streams live: memory or Redis Streams
    hub # the streaming hub: watchers, fan-out, the watchers' budget
    upstream # model servers: the HTTP client, providers, Generation
    history # conversations in SQLite, on a thread of its own
    secrets # the system keychain
    security # who may ask: Host, Origin, the API key
    chat # ChatService: a completion run for any front end, shown in the hub and kept in history
    protocols # pure translation between a wire protocol and Ponder's types: no sockets, no timers
    api # route handlers, one folder per protocol: they read requests, run them and write responses
    backend # the top: Backend and ServerOptions, which wire every layer together
)

# ponder_add_layer(NAME [FOLDERS dir...] SOURCES file... [PUBLIC item...] [PRIVATE item...])
#
# Adds the static library ponder_NAME (ponder_backend for the top) from SOURCES, found in FOLDERS (default:
# NAME; "." is backend/ itself). PUBLIC and PRIVATE take layers by name and other libraries (Qt, hiredis) as
# usual: a layer goes PUBLIC when this layer's headers include its headers, PRIVATE when only sources do.
function(ponder_add_layer name)
    cmake_parse_arguments(ARG "" "" "FOLDERS;SOURCES;PUBLIC;PRIVATE" ${ARGN})
    list(FIND PONDER_LAYERS ${name} rank)
    if(rank LESS 0)
        message(FATAL_ERROR "ponder_add_layer: '${name}' is not in PONDER_LAYERS (cmake/PonderLayers.cmake)")
    endif()
    if(NOT ARG_FOLDERS)
        set(ARG_FOLDERS ${name})
    endif()

    set(uses "")
    foreach(scope PUBLIC PRIVATE)
        set(items_${scope} "")
        foreach(item IN LISTS ARG_${scope})
            list(FIND PONDER_LAYERS ${item} itemRank)
            if(itemRank LESS 0)
                list(APPEND items_${scope} ${item}) # not a layer: Qt, hiredis, ...
                continue()
            endif()
            if(NOT itemRank LESS rank)
                string(REPLACE ";" " < " order "${PONDER_LAYERS}")
                message(FATAL_ERROR "layer '${name}' may not use layer '${item}': '${item}' is not below it "
                                    "(PONDER_LAYERS: ${order})")
            endif()
            list(APPEND uses ${item})
            list(APPEND items_${scope} ponder_${item})
        endforeach()
    endforeach()

    add_library(ponder_${name} STATIC ${ARG_SOURCES})
    target_link_libraries(ponder_${name} PUBLIC ${items_PUBLIC} PRIVATE ${items_PRIVATE})
    # Every layer is included as "<folder>/<Name>.h" from backend/ (and its generated headers).
    target_include_directories(ponder_${name} PUBLIC
        "${CMAKE_CURRENT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/generated")
    target_compile_definitions(ponder_${name} PUBLIC QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING)
    ponder_set_warnings(ponder_${name})

    # What the include check reads: each layer's folders and the layers it may include from: those it links,
    # and what they link PUBLIC in turn (what they link PRIVATE is theirs alone, as CMake sees it too).
    set(reachable ${uses})
    set(publicReach "")
    foreach(used IN LISTS uses)
        get_property(usedReach GLOBAL PROPERTY PONDER_LAYER_PUBLIC_REACH_${used})
        list(APPEND reachable ${usedReach})
        if(used IN_LIST ARG_PUBLIC)
            list(APPEND publicReach ${used} ${usedReach})
        endif()
    endforeach()
    list(REMOVE_DUPLICATES reachable)
    list(REMOVE_DUPLICATES publicReach)
    set_property(GLOBAL PROPERTY PONDER_LAYER_PUBLIC_REACH_${name} ${publicReach})
    string(REPLACE ";" "," folders "${ARG_FOLDERS}")
    string(REPLACE ";" "," reaches "${reachable}")
    set_property(GLOBAL APPEND PROPERTY PONDER_LAYER_RULES "${name}|${folders}|${reaches}")
endfunction()

# Writes the rules ponder_add_layer gathered ("name|folders|layers it reaches", one line per layer) and checks
# every backend source against them before ponder_backend is built, again whenever a source changes: an
# #include that goes up or across the layers fails the build. Call once, after the last layer.
function(ponder_check_layers)
    get_property(rules GLOBAL PROPERTY PONDER_LAYER_RULES)
    string(REPLACE ";" "\n" text "${rules}")
    set(rulesFile "${CMAKE_CURRENT_BINARY_DIR}/layers.txt")
    file(GENERATE OUTPUT "${rulesFile}" CONTENT "${text}\n")
    set_property(GLOBAL PROPERTY PONDER_LAYER_RULES_FILE "${rulesFile}")

    set(sources "")
    foreach(layer IN LISTS PONDER_LAYERS)
        if(TARGET ponder_${layer})
            get_target_property(layerSources ponder_${layer} SOURCES)
            list(TRANSFORM layerSources PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/")
            list(APPEND sources ${layerSources})
        endif()
    endforeach()
    set(stamp "${CMAKE_CURRENT_BINARY_DIR}/layers.checked")
    add_custom_command(OUTPUT "${stamp}"
        COMMAND "${CMAKE_COMMAND}" "-DRULES=${rulesFile}" "-DBACKEND_DIR=${CMAKE_CURRENT_SOURCE_DIR}"
                "-DGENERATED_DIR=${CMAKE_CURRENT_BINARY_DIR}/generated" -P "${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake"
        COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
        DEPENDS ${sources} "${rulesFile}" "${PROJECT_SOURCE_DIR}/cmake/CheckLayers.cmake"
        COMMENT "Checking that the backend's includes go down its layers"
        VERBATIM)
    add_custom_target(ponder_layers_checked DEPENDS "${stamp}")
    add_dependencies(ponder_backend ponder_layers_checked)
endfunction()
