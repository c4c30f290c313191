# The kernel workflow's test (integrations/kernel/): modlife-kernel's legacy
# mode on a fake 2.4 tree the test writes itself (the finding, the overlay,
# exit statuses, the tree left byte for byte unchanged), bad input in both
# modes, --help, the scripts/ wrappers, and shellcheck when installed. It
# needs no real kernel and runs in a few seconds.
#
# Included from tests/CMakeLists.txt:
#   include(${CMAKE_SOURCE_DIR}/integrations/kernel/tests/ctest-snippet.cmake)
add_test(NAME kernel/modlife-kernel
  COMMAND ${CMAKE_SOURCE_DIR}/integrations/kernel/tests/legacy-mode-test.sh
          $<TARGET_FILE:modlife>)
set_tests_properties(kernel/modlife-kernel PROPERTIES TIMEOUT 300)
