# Build options shared by every target of the project.
option(CONSULT_WERROR "Treat compiler warnings as errors (CI turns this on)" OFF)
option(CONSULT_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(CONSULT_FUZZ "Build libFuzzer targets (needs clang)" OFF)

add_compile_options(-Wall -Wextra -Wpedantic)
if(CONSULT_WERROR)
  add_compile_options(-Werror)
endif()

# Qt's own headers should never count against our warning budget.
add_compile_definitions(QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
                        QT_DISABLE_DEPRECATED_UP_TO=0x060400)

if(CONSULT_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
