% The benchmark programs of bench/programs.polar in SWI-Prolog, clause for
% clause and in the same order, so the peers run the same algorithm: Polar's
% `n > 1` guards stay guards, `r = a + b` becomes `R is A+B`, an argument
% `n - 1` becomes an `is` just before the call, and `x in l` is member/2.
:- use_module(library(lists)).

fib(0, 0).
fib(1, 1).
fib(N, R) :- N > 1, N1 is N - 1, fib(N1, A), N2 is N - 2, fib(N2, B), R is A + B.

app([], L, L).
app([H|T], L, [H|R]) :- app(T, L, R).
nrev([], []).
nrev([H|T], R) :- nrev(T, RT), app(RT, [H], R).
range(0, []).
range(N, [N|T]) :- N > 0, N1 is N - 1, range(N1, T).
nrev_times(0, _).
nrev_times(N, L) :- N > 0, nrev(L, _), N1 is N - 1, nrev_times(N1, L).

chain0(X) :- X = 1.
chain1(X) :- chain0(X).   chain2(X) :- chain1(X).   chain3(X) :- chain2(X).
chain4(X) :- chain3(X).   chain5(X) :- chain4(X).   chain6(X) :- chain5(X).
chain7(X) :- chain6(X).   chain8(X) :- chain7(X).   chain9(X) :- chain8(X).
chain10(X) :- chain9(X).  chain11(X) :- chain10(X). chain12(X) :- chain11(X).
chain13(X) :- chain12(X). chain14(X) :- chain13(X). chain15(X) :- chain14(X).
chain16(X) :- chain15(X). chain17(X) :- chain16(X). chain18(X) :- chain17(X).
chain19(X) :- chain18(X). chain20(X) :- chain19(X).

in_list(X, L) :- member(X, L).
in_range(N) :- range(N, L), member(1, L).

% The deep RBAC role hierarchy (20 levels of role implication).
rbac_repeat(0).
rbac_repeat(N) :- N > 0, rbac_allow(alice, read, repo), N1 is N - 1, rbac_repeat(N1).
rbac_allow(User, read, Resource) :- rbac_role(User, r0, Resource).
rbac_role(User, r0, Resource) :- rbac_role(User, r1, Resource).
rbac_role(User, r1, Resource) :- rbac_role(User, r2, Resource).
rbac_role(User, r2, Resource) :- rbac_role(User, r3, Resource).
rbac_role(User, r3, Resource) :- rbac_role(User, r4, Resource).
rbac_role(User, r4, Resource) :- rbac_role(User, r5, Resource).
rbac_role(User, r5, Resource) :- rbac_role(User, r6, Resource).
rbac_role(User, r6, Resource) :- rbac_role(User, r7, Resource).
rbac_role(User, r7, Resource) :- rbac_role(User, r8, Resource).
rbac_role(User, r8, Resource) :- rbac_role(User, r9, Resource).
rbac_role(User, r9, Resource) :- rbac_role(User, r10, Resource).
rbac_role(User, r10, Resource) :- rbac_role(User, r11, Resource).
rbac_role(User, r11, Resource) :- rbac_role(User, r12, Resource).
rbac_role(User, r12, Resource) :- rbac_role(User, r13, Resource).
rbac_role(User, r13, Resource) :- rbac_role(User, r14, Resource).
rbac_role(User, r14, Resource) :- rbac_role(User, r15, Resource).
rbac_role(User, r15, Resource) :- rbac_role(User, r16, Resource).
rbac_role(User, r16, Resource) :- rbac_role(User, r17, Resource).
rbac_role(User, r17, Resource) :- rbac_role(User, r18, Resource).
rbac_role(User, r18, Resource) :- rbac_role(User, r19, Resource).
rbac_role(User, r19, Resource) :- rbac_role(User, r20, Resource).
rbac_role(User, r20, Resource) :- rbac_assigned(User, r20, Resource).
rbac_assigned(alice, r20, repo).
