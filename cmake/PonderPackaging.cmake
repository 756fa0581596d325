# SPDX-License-Identifier: MIT
# Install rules and installers (CPack): .deb, .rpm and .tar.gz on Linux; NSIS on Windows; a DragNDrop .dmg
# on macOS. The version is the project's (CMakeLists.txt), the one place it is set.
include(GNUInstallDirs)

set(PONDER_APP_ID "io.github.ponder_app.Ponder")
set(PONDER_LINUX_DIR "${PROJECT_SOURCE_DIR}/packaging/linux")

install(TARGETS ponder
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
    BUNDLE DESTINATION .)

if(UNIX AND NOT APPLE)
    install(FILES "${PONDER_LINUX_DIR}/${PONDER_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${PONDER_LINUX_DIR}/${PONDER_APP_ID}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/ponder.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" RENAME "${PONDER_APP_ID}.svg")
    foreach(size 16 32 48 64 128 256 512)
        install(FILES "${PONDER_LINUX_DIR}/icons/ponder-${size}.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps" RENAME "${PONDER_APP_ID}.png")
    endforeach()
    # A user unit: `systemctl --user enable --now ponder` keeps the endpoint running.
    install(FILES "${PONDER_LINUX_DIR}/ponder.service" DESTINATION "lib/systemd/user")
    install(FILES "${PONDER_LINUX_DIR}/copyright" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/ponder")
    # Debian wants the changelog and man page compressed the reproducible way (gzip -9n: no name, no time).
    find_program(PONDER_GZIP gzip REQUIRED)
    foreach(file changelog ponder.1)
        add_custom_command(OUTPUT "${CMAKE_CURRENT_BINARY_DIR}/${file}.gz"
            COMMAND "${PONDER_GZIP}" -9nc "${PONDER_LINUX_DIR}/${file}" > "${CMAKE_CURRENT_BINARY_DIR}/${file}.gz"
            DEPENDS "${PONDER_LINUX_DIR}/${file}" VERBATIM)
    endforeach()
    add_custom_target(ponder_compressed_docs ALL
        DEPENDS "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz" "${CMAKE_CURRENT_BINARY_DIR}/ponder.1.gz")
    install(FILES "${CMAKE_CURRENT_BINARY_DIR}/changelog.gz" DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/ponder")
    install(FILES "${CMAKE_CURRENT_BINARY_DIR}/ponder.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
else()
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION .)
endif()

# Windows and macOS bundle Qt with the app (windeployqt / macdeployqt through Qt's deploy script).
if(WIN32 OR APPLE)
    qt_generate_deploy_qml_app_script(TARGET ponder OUTPUT_SCRIPT ponder_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${ponder_deploy_script}")
endif()

set(CPACK_PACKAGE_NAME "ponder")
set(CPACK_PACKAGE_VENDOR "The Ponder developers")
set(CPACK_PACKAGE_CONTACT "The Ponder developers <ponder@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "chat with language models and watch them think")
set(CPACK_PACKAGE_DESCRIPTION
    "Ponder is a chat window for local and remote language models that shows them
at work: answers stream in beside a live thinking panel and a progress panel.
It also runs a local OpenAI-compatible endpoint and a streaming API through
which agents publish their thinking. It talks to Ollama and to any
OpenAI-compatible server.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Ponder")
set(CPACK_PACKAGE_EXECUTABLES "ponder" "Ponder")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_FILE_NAME "ponder-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")

if(UNIX AND NOT APPLE)
    set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
    set(CPACK_GENERATOR "DEB;TGZ")
    find_program(PONDER_RPMBUILD rpmbuild)
    if(PONDER_RPMBUILD)
        list(APPEND CPACK_GENERATOR "RPM")
    endif()
    # .deb: library dependencies come from dpkg-shlibdeps (libprotobuf-lite32 and zlib1g among them, for
    # OTLP traces; check_deb.sh checks they are named); QML modules and the SQLite driver are loaded at
    # run time, so they are named here, as is libsecret (QtKeychain's backend on Linux).
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS
        "libqt6sql6-sqlite, libsecret-1-0, qml6-module-qtquick, qml6-module-qtquick-controls, qml6-module-qtquick-layouts, qml6-module-qtquick-window, qml6-module-qtquick-templates, qml6-module-qtqml-workerscript, qml6-module-qtqml")
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "redis-server")
    # .rpm (Fedora names): the same split.
    set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
    set(CPACK_RPM_PACKAGE_LICENSE "MIT")
    set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
    set(CPACK_RPM_PACKAGE_AUTOREQ ON)
    set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtdeclarative, libsecret")
    # (protobuf-lite and zlib come from AUTOREQ, as the Qt libraries do.)
elseif(WIN32)
    set(CPACK_GENERATOR "NSIS;ZIP")
    set(CPACK_NSIS_DISPLAY_NAME "Ponder")
    set(CPACK_NSIS_PACKAGE_NAME "Ponder")
    set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/ponder.ico")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\ponder.exe")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_CREATE_ICONS_EXTRA "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\Ponder.lnk' '$INSTDIR\\\\bin\\\\ponder.exe'")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
    set(CPACK_DMG_VOLUME_NAME "Ponder")
endif()

include(CPack)
