# The man page, generated at build time from the help text (help2man) with a section per subcommand
# (cmake/man-commands.sh), so it covers every subcommand there is. Built only when help2man is found
# (Debian package help2man); tests/e2e/test_install.sh requires it.
find_program(HELP2MAN help2man)
if(HELP2MAN)
  set(MM_MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/mlops-maturity.1)
  add_custom_command(
    OUTPUT ${MM_MAN_PAGE}
    COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man-commands.sh $<TARGET_FILE:mlops-maturity>
            ${CMAKE_CURRENT_BINARY_DIR}/man-commands.h2m
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1
            "--name=how mature is your MLOps practice, and what to adopt next"
            --include=${CMAKE_CURRENT_BINARY_DIR}/man-commands.h2m
            --output=${MM_MAN_PAGE} $<TARGET_FILE:mlops-maturity>
    DEPENDS mlops-maturity ${CMAKE_CURRENT_SOURCE_DIR}/cmake/man-commands.sh
    COMMENT "Generating the man page with help2man"
    VERBATIM)
  add_custom_target(man ALL DEPENDS ${MM_MAN_PAGE})
else()
  message(STATUS "help2man not found: no man page (apt-get install help2man)")
endif()
