# Windows and macOS packages of the app. These cannot be built on the project's Linux
# machines; they follow the documentation of Qt's deployment API, CPack's NSIS and DragNDrop
# generators and Apple's bundle keys, and the workflow in .github/workflows builds them.

set(app_id org.softphone.Softphone)

# Qt's deployment script copies the Qt libraries and plugins the app needs next to it
# (windeployqt) or into the bundle (macdeployqt).
function(softphone_deploy_qt target)
    if(Qt6_VERSION VERSION_LESS 6.5)
        qt_generate_deploy_app_script(TARGET ${target} FILENAME_VARIABLE deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    else()
        qt_generate_deploy_app_script(TARGET ${target} OUTPUT_SCRIPT deploy_script
                                      NO_UNSUPPORTED_PLATFORM_ERROR)
    endif()
    install(SCRIPT ${deploy_script} COMPONENT client)
endfunction()

# The GStreamer runtime the media pipeline needs: the libraries and the plugins, from the
# official MSVC installer on Windows or the framework on macOS. The app points GStreamer at
# the bundled plugins when it finds them next to itself (lib/gstreamer-1.0).
set(SOFTPHONE_GSTREAMER_ROOT "$ENV{GSTREAMER_1_0_ROOT_MSVC_X86_64}" CACHE PATH
    "GStreamer runtime to bundle (Windows: the MSVC install root)")
set(SOFTPHONE_GSTREAMER_PLUGINS
    coreelements app audioconvert audioresample audiotestsrc videotestsrc videoconvertscale
    videoconvert videoscale autodetect opus vpx rtp rtpmanager srtp dtls nice webrtc sctp
    volume level wasapi directsoundsink osxaudio applemedia d3d11 mediafoundation
    CACHE STRING "GStreamer plugins the media pipeline loads")

if(WIN32 AND TARGET softphone)
    softphone_deploy_qt(softphone)
    if(SOFTPHONE_GSTREAMER_ROOT)
        file(TO_CMAKE_PATH "${SOFTPHONE_GSTREAMER_ROOT}" gst)
        install(DIRECTORY ${gst}/bin/ DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client
                FILES_MATCHING PATTERN "*.dll")
        foreach(plugin ${SOFTPHONE_GSTREAMER_PLUGINS})
            install(FILES ${gst}/lib/gstreamer-1.0/gst${plugin}.dll
                    DESTINATION lib/gstreamer-1.0 COMPONENT client OPTIONAL)
        endforeach()
    endif()

    set(CPACK_NSIS_PACKAGE_NAME "Softphone")
    set(CPACK_NSIS_DISPLAY_NAME "Softphone ${PROJECT_VERSION}")
    set(CPACK_NSIS_MUI_ICON ${CMAKE_CURRENT_SOURCE_DIR}/windows/softphone.ico)
    set(CPACK_NSIS_INSTALLED_ICON_NAME bin\\\\softphone.exe)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
    set(CPACK_PACKAGE_EXECUTABLES softphone "Softphone")
    set(CPACK_CREATE_DESKTOP_LINKS softphone)
    set(CPACK_NSIS_URL_INFO_ABOUT "https://softphone.invalid")
    set(CPACK_NSIS_MODIFY_PATH OFF)
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY Softphone)
endif()

if(APPLE AND TARGET softphone)
    # The icon: an .icns made from the committed PNGs with Apple's iconutil.
    set(iconset ${CMAKE_CURRENT_BINARY_DIR}/softphone.iconset)
    set(icns ${CMAKE_CURRENT_BINARY_DIR}/softphone.icns)
    # iconutil wants these names; each is one of the committed sizes.
    set(icon_pngs)
    set(copies)
    foreach(entry 16:16x16 32:16x16@2x 32:32x32 64:32x32@2x 128:128x128 256:128x128@2x
                  256:256x256)
        string(REPLACE ":" ";" entry ${entry})
        list(GET entry 0 size)
        list(GET entry 1 name)
        set(png ${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/apps/${app_id}.png)
        list(APPEND icon_pngs ${png})
        list(APPEND copies COMMAND ${CMAKE_COMMAND} -E copy ${png} ${iconset}/icon_${name}.png)
    endforeach()
    add_custom_command(OUTPUT ${icns}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        ${copies}
        COMMAND iconutil -c icns ${iconset} -o ${icns}
        DEPENDS ${icon_pngs} VERBATIM)
    target_sources(softphone PRIVATE ${icns})
    set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(softphone PROPERTIES
        MACOSX_BUNDLE TRUE
        MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in
        MACOSX_BUNDLE_GUI_IDENTIFIER ${app_id}
        MACOSX_BUNDLE_BUNDLE_NAME Softphone
        MACOSX_BUNDLE_ICON_FILE softphone.icns
        MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
        MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
        OUTPUT_NAME Softphone)
    softphone_deploy_qt(softphone)
    set(CPACK_DMG_VOLUME_NAME "Softphone ${PROJECT_VERSION}")
    set(CPACK_DMG_FORMAT UDZO)
endif()
