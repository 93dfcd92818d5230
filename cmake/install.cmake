# `cmake --install` and the .deb (CPack): the binary, the man page, shell completions, docs and JSON schemas,
# each where its tools look. Destinations are relative to the prefix, so the same rules serve /usr/local and the
# package's /usr.
include(GNUInstallDirs)
include(cmake/manpage.cmake)

install(TARGETS mlops-maturity RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)
install(FILES docs/limits.md docs/ci.md DESTINATION ${CMAKE_INSTALL_DOCDIR} OPTIONAL)
install(PROGRAMS ci/run-gate.sh DESTINATION ${CMAKE_INSTALL_DATADIR}/mlops-maturity/ci)
install(FILES ci/gitlab/mlops-maturity.gitlab-ci.yml DESTINATION ${CMAKE_INSTALL_DATADIR}/mlops-maturity/ci)
install(DIRECTORY docs/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/mlops-maturity/schemas
        FILES_MATCHING PATTERN "*.schema.json")
if(HELP2MAN)
  install(FILES ${MM_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

# bash: where bash-completion loads completions on demand (its pkg-config completionsdir, taken relative to the
# prefix), else the usual share/bash-completion/completions.
set(MM_BASH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
find_program(PKG_CONFIG_EXECUTABLE pkg-config)
if(PKG_CONFIG_EXECUTABLE)
  execute_process(
    COMMAND ${PKG_CONFIG_EXECUTABLE} --define-variable=prefix=/MM_PREFIX --variable=completionsdir bash-completion
    OUTPUT_VARIABLE mm_bash_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET RESULT_VARIABLE mm_bash_rc)
  if(mm_bash_rc EQUAL 0 AND mm_bash_dir MATCHES "^/MM_PREFIX/(.+)$")
    set(MM_BASH_COMPLETION_DIR ${CMAKE_MATCH_1})
  endif()
endif()
install(FILES completions/mlops-maturity.bash DESTINATION ${MM_BASH_COMPLETION_DIR} RENAME mlops-maturity)
install(FILES completions/_mlops-maturity DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/site-functions)
install(FILES completions/mlops-maturity.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

set(CPACK_PACKAGE_NAME mlops-maturity)
set(CPACK_PACKAGE_CONTACT "mlops-maturity maintainers <maintainers@mlops-maturity.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Assesses a team's MLOps maturity from a questionnaire (built in or your own YAML), prints the level and a\n prioritised gap report, and gates CI on a minimum level.")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_STRIP_FILES ON)
include(CPack)
