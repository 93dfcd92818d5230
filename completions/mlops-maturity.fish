# fish completion for mlops-maturity (hand-written; checked against `--help` by tests/e2e/test_completions.sh).
set -l commands assess list show validate init scan report diff aggregate history merge help
function __mlops_maturity_builtins
    mlops-maturity list 2>/dev/null | awk 'NR > 1 { print $1 }'
end

complete -c mlops-maturity -f
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -l help -s h -d 'Show help'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a assess -d 'Score answers, report, gate CI'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a list -d 'List the built-in questionnaires'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a show -d 'Show a questionnaire'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a validate -d 'Check questionnaire files'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a init -d 'Write an answers template'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a scan -d 'Look for evidence in a repository'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a report -d 'Render a saved JSON report'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a diff -d 'Compare two saved reports'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a aggregate -d 'Many teams side by side'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a history -d 'One team over time'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a merge -d 'Several respondents to one answers file'
complete -c mlops-maturity -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show the help of a command'
complete -c mlops-maturity -n '__fish_seen_subcommand_from help' -a 'assess list show validate init scan report diff aggregate history merge' -d 'Command'

for c in $commands
    complete -c mlops-maturity -n "__fish_seen_subcommand_from $c" -s h -l help -d 'Show help'
end
for c in assess show scan report diff aggregate history
    complete -c mlops-maturity -n "__fish_seen_subcommand_from $c" -l color -x -a 'auto always never' -d 'Colour'
end
for c in assess init scan merge
    complete -c mlops-maturity -n "__fish_seen_subcommand_from $c" -s q -l questionnaire -r -a '(__mlops_maturity_builtins)' -d 'Questionnaire id or file'
end
for c in assess init scan report diff aggregate history merge
    complete -c mlops-maturity -n "__fish_seen_subcommand_from $c" -s o -l output -r -F -d 'Write to FILE'
end

complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -s a -l answers -r -F -d 'Answers file'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l answer -x -d 'ID=VALUE'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -s f -l format -x -a 'text json markdown html junit csv' -d 'Report format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l min-level -x -a '0 1 2 3 4' -d 'Fail below this level'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l min-score -x -d 'Fail below this final score (points questionnaires)'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l target-level -x -a '0 1 2 3 4' -d 'Target level'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l team -x -d 'Team name'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l all -d 'The full report'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l top -x -d 'One screen with N next steps'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l roadmap -d 'What each level above takes'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l no-input -d 'Never prompt'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l save -r -F -d 'On a terminal: keep answers in FILE'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l review -d 'On a terminal: ask every question again'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l scan -x -a '(__fish_complete_directories)' -d 'Pre-fill answers from evidence'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l require-evidence -d 'Unverified yes counts as no'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l require-complete -d 'Fail (exit 2) when a question is unanswered'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l exclude -x -d 'Leave out what matches GLOB'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l project -x -a '(__fish_complete_directories)' -d 'Scan only this project'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l whole-repo -d 'Suggest answers from a course or several projects'
complete -c mlops-maturity -n '__fish_seen_subcommand_from scan' -l exclude -x -d 'Leave out what matches GLOB'
complete -c mlops-maturity -n '__fish_seen_subcommand_from scan' -l project -x -a '(__fish_complete_directories)' -d 'Scan only this project'
complete -c mlops-maturity -n '__fish_seen_subcommand_from scan' -l whole-repo -d 'Suggest answers from a course or several projects'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l date -x -a 'none' -d 'Date of the assessment (YYYY-MM-DD)'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l commit -x -a 'none' -d 'Git commit assessed (full hash)'
complete -c mlops-maturity -n '__fish_seen_subcommand_from assess' -l today -x -d 'Day waivers are judged on (YYYY-MM-DD)'
complete -c mlops-maturity -n '__fish_seen_subcommand_from list' -s f -l format -x -a 'text json' -d 'Output format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from show' -s f -l format -x -a 'text json' -d 'Output format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from show validate' -a '(__mlops_maturity_builtins)' -d 'Built-in questionnaire'
complete -c mlops-maturity -n '__fish_seen_subcommand_from show validate' -F
complete -c mlops-maturity -n '__fish_seen_subcommand_from validate' -l strict -d 'Treat warnings as errors'
complete -c mlops-maturity -n '__fish_seen_subcommand_from init' -l force -d 'Replace FILE if it exists'
complete -c mlops-maturity -n '__fish_seen_subcommand_from scan' -s f -l format -x -a 'text json yaml' -d 'Output format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from scan' -l max-file-size -x -d 'Larger files are not read'
complete -c mlops-maturity -n '__fish_seen_subcommand_from scan' -a '(__fish_complete_directories)'
complete -c mlops-maturity -n '__fish_seen_subcommand_from report' -s f -l format -x -a 'text json markdown html junit csv' -d 'Report format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from report' -l all -d 'Practices beyond the target in full'
complete -c mlops-maturity -n '__fish_seen_subcommand_from report' -l roadmap -d 'What each level above takes'
complete -c mlops-maturity -n '__fish_seen_subcommand_from diff' -s f -l format -x -a 'text json markdown' -d 'Output format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from diff' -l fail-on-regression -d 'Exit 1 when a level went down'
complete -c mlops-maturity -n '__fish_seen_subcommand_from aggregate' -s f -l format -x -a 'text json markdown html csv' -d 'Output format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from aggregate' -l top -x -d 'How many practices to list'
complete -c mlops-maturity -n '__fish_seen_subcommand_from history' -s f -l format -x -a 'text json markdown html' -d 'Output format'
complete -c mlops-maturity -n '__fish_seen_subcommand_from report diff aggregate history merge' -F
