# SPDX-License-Identifier: MIT
# Fails on an #include that goes up or across the backend's layers (run as the layers_include_downward test).
#
# The linker refuses a layer that calls into one it does not link; a header that only declares, or an inline
# function, would slip past it. This reads every #include "..." in backend/ and refuses one that reaches a layer
# the including file's layer does not link (directly or through the layers it links), and one that reaches
# outside backend/ (the window, the app). It also refuses a source file in a folder no layer names.
#
#   cmake -DRULES=<layer rules written by ponder_write_layer_rules> -DBACKEND_DIR=<backend/>
#         -DGENERATED_DIR=<the build's backend/generated> -P CheckLayers.cmake
cmake_minimum_required(VERSION 3.22)
foreach(variable RULES BACKEND_DIR GENERATED_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "CheckLayers.cmake needs -D${variable}=...")
    endif()
endforeach()

# folder -> layer, and layer -> the layers it may include from.
file(STRINGS "${RULES}" rules)
set(layers "")
foreach(rule IN LISTS rules)
    string(REPLACE "|" ";" parts "${rule}")
    list(GET parts 0 layer)
    list(GET parts 1 folders)
    list(LENGTH parts count)
    set(reaches "")
    if(count GREATER 2)
        list(GET parts 2 reaches)
    endif()
    string(REPLACE "," ";" folders "${folders}")
    string(REPLACE "," ";" reaches "${reaches}")
    list(APPEND layers ${layer})
    set(reaches_${layer} ${reaches})
    foreach(folder IN LISTS folders)
        set(layer_of_${folder} ${layer})
    endforeach()
endforeach()

# The layer a path under backend/ belongs to ("api/openai/X.h" -> the layer of folder "api"; "X.h" -> of ".").
function(layer_of path out)
    string(FIND "${path}" "/" slash)
    if(slash LESS 0)
        set(folder ".")
    else()
        string(SUBSTRING "${path}" 0 ${slash} folder)
    endif()
    if(DEFINED layer_of_${folder})
        set(${out} ${layer_of_${folder}} PARENT_SCOPE)
    else()
        set(${out} "" PARENT_SCOPE)
    endif()
endfunction()

file(GLOB_RECURSE sources RELATIVE "${BACKEND_DIR}" "${BACKEND_DIR}/*.h" "${BACKEND_DIR}/*.cpp")
set(problems "")
foreach(source IN LISTS sources)
    layer_of("${source}" layer)
    if(NOT layer)
        string(APPEND problems "\n  ${source}: its folder belongs to no layer (backend/CMakeLists.txt)")
        continue()
    endif()
    get_filename_component(sourceDir "${source}" DIRECTORY)
    file(STRINGS "${BACKEND_DIR}/${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]*)\".*$" "\\1" included "${line}")
        # As the compiler finds it: beside the file, else from backend/ (or the generated headers).
        if(sourceDir AND EXISTS "${BACKEND_DIR}/${sourceDir}/${included}")
            set(included "${sourceDir}/${included}")
        elseif(NOT EXISTS "${BACKEND_DIR}/${included}" AND NOT EXISTS "${GENERATED_DIR}/${included}")
            string(APPEND problems "\n  ${source}: includes \"${included}\", which is not in backend/")
            continue()
        endif()
        layer_of("${included}" includedLayer)
        if(NOT includedLayer)
            string(APPEND problems "\n  ${source}: includes \"${included}\", whose folder belongs to no layer")
        elseif(NOT includedLayer STREQUAL layer AND NOT includedLayer IN_LIST reaches_${layer})
            string(APPEND problems "\n  ${source} (layer ${layer}): includes \"${included}\" (layer "
                                   "${includedLayer}), which ${layer} does not link")
        endif()
    endforeach()
endforeach()

if(problems)
    string(REPLACE ";" " < " order "${layers}")
    message(FATAL_ERROR "Includes against the layers (cmake/PonderLayers.cmake: ${order}):${problems}")
endif()
list(LENGTH sources checked)
message(STATUS "${checked} backend files include only their own layer and the layers below it that it links")
