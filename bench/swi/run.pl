% run.pl — times one workload on SWI-Prolog in process, like polar_bench:
% SETUP runs untimed (e.g. building the host list of the `in` row), then GOAL
% once to warm up, then up to REPEATS times or until BUDGET_MS is spent;
% prints one JSON line with the median wall time (get_time) and the median
% process CPU time (statistics(process_cputime), what the other peers read).
%
%   swipl -q run.pl NAME SETUP GOAL REPEATS BUDGET_MS [FILES...]
%
% SETUP and GOAL are Prolog text sharing variables ("numlist(1,9,L)",
% "in_list(9, L)"). FILES are consulted after programs.pl (the facts).
% Exit codes: 0 success, 2 any error or no answer.
:- initialization(main, main).
:- ensure_loaded(programs).

main :-
    current_prolog_flag(argv, [Name, SetupText, GoalText, RepText, BudgetText | Files]),
    !,
    maplist(consult, Files),
    atom_number(RepText, Repeats),
    atom_number(BudgetText, BudgetMs),
    format(atom(Text), "t((~w), (~w))", [SetupText, GoalText]),
    term_to_atom(t(Setup, Goal), Text),
    once(Setup),
    time_once(Goal, _),
    measure(Goal, Repeats, BudgetMs, 0, [], Times),
    pairs_keys_values(Times, Walls, Cpus),
    median(Walls, Wall),
    median(Cpus, Cpu),
    length(Times, Runs),
    format("{\"name\":\"~w\",\"median_ms\":~6f,\"median_cpu_ms\":~6f,\"runs\":~d}~n",
           [Name, Wall, Cpu, Runs]).
main :-
    format(user_error, "usage: swipl -q run.pl NAME SETUP GOAL REPEATS BUDGET_MS [FILES...]~n", []),
    halt(2).

measure(_, Repeats, _, _, Times, Times) :- length(Times, Repeats), !.
measure(_, _, BudgetMs, Spent, Times, Times) :- Times \== [], Spent >= BudgetMs, !.
measure(Goal, Repeats, BudgetMs, Spent, Acc, Times) :-
    time_once(Goal, Ms-Cpu),
    Spent1 is Spent + Ms,
    measure(Goal, Repeats, BudgetMs, Spent1, [Ms-Cpu|Acc], Times).

median(Values, Median) :-
    msort(Values, Sorted),
    length(Sorted, N),
    Middle is N // 2,
    nth0(Middle, Sorted, Median).

% Wall-CPU milliseconds of one run.
time_once(Goal, Ms-CpuMs) :-
    statistics(process_cputime, C0),
    get_time(T0),
    (   once(Goal) -> true
    ;   format(user_error, "run.pl: no answer for ~q~n", [Goal]), halt(2)
    ),
    get_time(T1),
    statistics(process_cputime, C1),
    Ms is (T1 - T0) * 1000,
    CpuMs is (C1 - C0) * 1000.
