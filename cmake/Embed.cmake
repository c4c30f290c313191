# modlife_embed(<out.cpp> <script.cmake> <comment> <files...>): a build step
# that runs an embedding script over files, so that the binary carries them
# (rule packs, check docs).
function(modlife_embed OUT SCRIPT COMMENT)
  add_custom_command(
    OUTPUT ${OUT}
    COMMAND ${CMAKE_COMMAND} -DOUT=${OUT} "-DFILES=${ARGN}"
            -P ${CMAKE_SOURCE_DIR}/cmake/${SCRIPT}
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/${SCRIPT}
    COMMENT "${COMMENT}"
    VERBATIM)
endfunction()
