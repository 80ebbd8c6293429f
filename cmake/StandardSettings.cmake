# Build policy as INTERFACE targets, linked PRIVATE by our own targets only, so
# nothing leaks into the flags of the system libraries we find.

add_library(seshdb_standard_settings INTERFACE)
target_compile_features(seshdb_standard_settings INTERFACE cxx_std_20)

add_library(seshdb_standard_warnings INTERFACE)
target_compile_options(seshdb_standard_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
if(SESHDB_WERROR)
  target_compile_options(seshdb_standard_warnings INTERFACE -Werror)
endif()

if(SESHDB_SANITIZE)
  # ASan + UBSan; a UBSan report aborts so ctest sees it as a failure.
  set(san_flags -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(seshdb_standard_settings INTERFACE ${san_flags})
  target_link_options(seshdb_standard_settings INTERFACE ${san_flags})
endif()
