# bash completion for mlops-maturity                                  -*- shell-script -*-
# Hand-written (CLI11 2.1 cannot generate completions); tests/e2e/test_completions.sh checks it against the
# `--help` of every subcommand, so a new subcommand or option without a completion fails the tests.

_mlops_maturity_builtins() {
    # Built-in questionnaire ids, from `mlops-maturity list` (first column, header skipped).
    "${1:-mlops-maturity}" list 2>/dev/null | awk 'NR > 1 { print $1 }'
}

_mlops_maturity() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n = || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands="assess list show validate init scan report diff aggregate history merge help"
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -*) ;;
            *) cmd=${words[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi

    local opts="" files=""
    case $cmd in
        assess)
            opts="--help --questionnaire --answers --answer --format --output --min-level --min-score --target-level --team
                  --all --top --roadmap --no-input --save --review --scan --require-evidence --require-complete --exclude --project --whole-repo --date --commit --today --color" ;;
        list) opts="--help --format" ;;
        show) opts="--help --format --color"; files=questionnaire ;;
        validate) opts="--help --strict"; files=questionnaire ;;
        init) opts="--help --questionnaire --output --force" ;;
        scan) opts="--help --questionnaire --format --output --max-file-size --exclude --project --whole-repo --color"; files=dir ;;
        report) opts="--help --format --output --all --roadmap --color"; files=json ;;
        diff) opts="--help --format --output --fail-on-regression --color"; files=json ;;
        aggregate) opts="--help --format --output --top --color"; files=json ;;
        history) opts="--help --format --output --color"; files=json ;;
        merge) opts="--help --questionnaire --output"; files=answers ;;
        help) opts="--help"; files=command ;;
    esac

    # Values of the option before the cursor.
    case $prev in
        -q | --questionnaire)
            COMPREPLY=($(compgen -W "$(_mlops_maturity_builtins "${words[0]}")" -- "$cur"))
            COMPREPLY+=($(compgen -f -X '!*.@(yaml|yml|json)' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        -a | --answers)
            COMPREPLY=($(compgen -f -X '!*.@(yaml|yml|json)' -- "$cur") $(compgen -d -- "$cur"))
            return ;;
        -o | --output | --save)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --scan | --project)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        -f | --format)
            case $cmd in
                assess | report) COMPREPLY=($(compgen -W "text json markdown html junit csv" -- "$cur")) ;;
                list | show) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
                scan) COMPREPLY=($(compgen -W "text json yaml" -- "$cur")) ;;
                diff) COMPREPLY=($(compgen -W "text json markdown" -- "$cur")) ;;
                aggregate) COMPREPLY=($(compgen -W "text json markdown html csv" -- "$cur")) ;;
                history) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")) ;;
            esac
            return ;;
        --color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --target-level | --min-level)
            COMPREPLY=($(compgen -W "0 1 2 3 4" -- "$cur"))
            return ;;
        --answer | --team | --top | --max-file-size | --exclude | --min-score)
            return ;;
    esac

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case $files in
        questionnaire)
            COMPREPLY=($(compgen -W "$(_mlops_maturity_builtins "${words[0]}")" -- "$cur"))
            COMPREPLY+=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur")) ;;
        json) COMPREPLY=($(compgen -f -X '!*.json' -- "$cur") $(compgen -d -- "$cur")) ;;
        answers) COMPREPLY=($(compgen -f -X '!*.@(yaml|yml|json)' -- "$cur") $(compgen -d -- "$cur")) ;;
        dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
        command) [[ $cword -eq 2 ]] && COMPREPLY=($(compgen -W "${commands% help}" -- "$cur")) ;;
    esac
}
complete -F _mlops_maturity mlops-maturity
