# Runs lupdate over the interface's sources into a copy of the committed .ts file and fails if
# any message is unfinished (new, changed or untranslated) afterwards.
set(ts ${WORK_DIR}/check_zh_CN.ts)
file(COPY_FILE ${SOURCE_DIR}/translations/responder-console_zh_CN.ts ${ts})
file(GLOB_RECURSE sources ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h ${SOURCE_DIR}/app/workspace/*.cpp
     ${SOURCE_DIR}/app/voice/*.cpp ${SOURCE_DIR}/app/outbox/*.cpp
     ${SOURCE_DIR}/app/scripts/*.cpp ${SOURCE_DIR}/app/transcription/*.cpp ${SOURCE_DIR}/plugins/*.cpp)
list(APPEND sources ${SOURCE_DIR}/app/ConsoleRoot.cpp ${SOURCE_DIR}/app/main.cpp)
execute_process(COMMAND ${LUPDATE} -no-obsolete -locations none ${sources} -ts ${ts}
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "lupdate failed: ${out}${err}")
endif()
file(READ ${ts} content)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" unfinished "${content}")
list(LENGTH unfinished count)
if(count GREATER 0)
  message(FATAL_ERROR "${count} untranslated string(s) in translations/responder-console_zh_CN.ts:\n${unfinished}\n"
                      "Run: cmake --build <build> --target update_translations, then translate them.")
endif()
message(STATUS "all strings translated")
