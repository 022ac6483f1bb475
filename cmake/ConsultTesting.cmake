# consult_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [LABELS <labels...>] [TIMEOUT <s>])
# One Qt Test executable per unit, run by ctest on the offscreen platform.
function(consult_add_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set_tests_properties(${T_NAME} PROPERTIES
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CONSULT_SERVER_BIN=$<TARGET_FILE:consult-server>;CONSULT_REPSIM_BIN=$<TARGET_FILE:consult-repsim>;CONSULT_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()

# consult_add_postgres_test(<test target>)
# The test again on PostgreSQL, as <target>_postgresql: in a throwaway cluster of its own,
# started and stopped by tests/testsupport/with-postgres.sh (the test's server databases are
# created there; see tests/testsupport/TestDatabase.h).
function(consult_add_postgres_test target)
  add_test(NAME ${target}_postgresql
           COMMAND ${PROJECT_SOURCE_DIR}/tests/testsupport/with-postgres.sh $<TARGET_FILE:${target}>)
  set_tests_properties(${target}_postgresql PROPERTIES TIMEOUT 300 LABELS "integration;postgresql"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CONSULT_SERVER_BIN=$<TARGET_FILE:consult-server>;CONSULT_REPSIM_BIN=$<TARGET_FILE:consult-repsim>;CONSULT_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
