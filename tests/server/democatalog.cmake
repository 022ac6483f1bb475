# Demo data of the reference server (server/demo): the catalogue alone, no database.
consult_add_test(NAME tst_democatalog SOURCES tst_democatalog.cpp LIBS consult_server_demo
                 LABELS unit)
