// The parts of ncursesw that Swift cannot import directly (macros, mutable
// globals), and a crash guard that restores the terminal.
#ifndef SAMTAL_CNCURSESW_SHIM_H
#define SAMTAL_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <curses.h>
#include <term.h>

// glibc hides these from Swift's Glibc module.
extern int wcwidth(wchar_t);
extern int wcswidth(const wchar_t *, size_t);

static inline WINDOW *samtal_stdscr(void) { return stdscr; }
static inline int samtal_lines(void) { return LINES; }
static inline int samtal_cols(void) { return COLS; }
static inline int samtal_colors(void) { return COLORS; }
static inline int samtal_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t samtal_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t samtal_a_bold(void) { return A_BOLD; }
static inline attr_t samtal_a_reverse(void) { return A_REVERSE; }
static inline attr_t samtal_a_underline(void) { return A_UNDERLINE; }
static inline attr_t samtal_a_dim(void) { return A_DIM; }
static inline attr_t samtal_a_normal(void) { return A_NORMAL; }

// terminfo strings and flags by name (tigetstr's "absent" and
// "cancelled" both as NULL), and tiparm, which is variadic, with two
// numbers: for drawing frames without ncurses' refresh.
static inline const char *samtal_tigetstr(const char *name) {
    char *s = tigetstr(name);
    return (s == NULL || s == (char *)-1) ? NULL : s;
}
static inline int samtal_tigetflag(const char *name) { return tigetflag(name); }
static inline const char *samtal_tiparm2(const char *format, int a, int b) { return tiparm(format, a, b); }

// Whether the terminfo database describes $TERM: setupterm reads the
// description (and writes nothing to the terminal); it is let go at once,
// and the description in use before (if any) is put back.
static inline int samtal_terminal_type_known(void) {
    TERMINAL *before = cur_term;
    int error = 0;
    int known = setupterm(NULL, 1, &error) == OK;
    TERMINAL *read = set_curterm(before);
    if (read != NULL && read != before) del_curterm(read);
    return known;
}

// A fatal signal leaves the terminal in raw mode on the alternate screen.
// The guard restores it, then hands the signal to whoever had it before
// (Swift's backtracer) and re-raises.
//
// The saved actions live in a function-local static: a file-scope `static`
// array in a header imported by Swift is referenced by the inline functions
// Swift emits but never defined ("undefined reference" at link time).
static inline struct sigaction *samtal_previous_actions(void) {
    static struct sigaction actions[32];
    return actions;
}

static inline void samtal_crash_handler(int sig) {
    endwin();
    if (sig > 0 && sig < 32) {
        sigaction(sig, &samtal_previous_actions()[sig], NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
}

static inline void samtal_install_crash_guard(void) {
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        // Installed twice, the guard would save itself as "previous" and
        // loop forever on a fault: keep the first installation.
        struct sigaction current;
        if (sigaction(signals[i], NULL, &current) == 0 && current.sa_handler == samtal_crash_handler) continue;
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = samtal_crash_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, &samtal_previous_actions()[signals[i]]);
    }
}

// The quit signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT) are noted, not acted
// on: the interface's loop looks at the note after every key read (at
// least every 50 ms), writes what it holds and leaves. Setting a
// `sig_atomic_t` is all a handler may safely do. (libdispatch's signal
// sources did the same through a thread, an epoll loop and a wait of 2 ms
// for their handlers to be installed, at every start: issue 15.)
//
// As with the crash guard, the note is a function-local static. These
// functions are `static inline`: every object file that uses them gets its
// own copy, and so its own note. Only Terminal.swift may call them.
static inline volatile sig_atomic_t *samtal_quit_note(void) {
    static volatile sig_atomic_t note;
    return &note;
}

static inline void samtal_quit_handler(int sig) { *samtal_quit_note() = sig; }

// SA_RESTART: a store write on another thread is not cut short by the
// signal; the key wait (poll) returns early all the same.
static inline int samtal_catch_quit_signal(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = samtal_quit_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return sigaction(sig, &action, NULL);
}

static inline int samtal_quit_signal(void) { return *samtal_quit_note(); }
static inline void samtal_forget_quit_signal(void) { *samtal_quit_note() = 0; }

#endif
