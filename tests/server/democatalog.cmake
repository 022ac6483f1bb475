# Demo data of the reference server (server/demo): pure C++, no database.
consult_add_test(NAME tst_democatalog
  SOURCES tst_democatalog.cpp
          ${PROJECT_SOURCE_DIR}/server/demo/DemoCatalog.cpp
          ${PROJECT_SOURCE_DIR}/server/demo/DemoVocabulary.cpp
          ${PROJECT_SOURCE_DIR}/server/demo/DemoText.cpp
          ${PROJECT_SOURCE_DIR}/server/demo/DemoTopics.cpp
          ${PROJECT_SOURCE_DIR}/server/demo/DemoDialogues.cpp
  LIBS Qt6::Core
  LABELS unit)
target_include_directories(tst_democatalog PRIVATE ${PROJECT_SOURCE_DIR}/server/demo)
