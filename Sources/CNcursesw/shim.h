// CNcursesw: the wide-character ncurses API for Swift. Only ArenaTerminal imports this module.
//
// The two defines must come before <ncurses.h>, or mvwadd_wch, setcchar and wget_wch are missing.
// Macros Swift cannot import (attributes, mouse masks) and C globals Swift 6 rejects as not
// concurrency-safe (stdscr, LINES, COLS, COLORS) get small static inline accessors here.
#ifndef ARENA_CNCURSESW_SHIM_H
#define ARENA_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

// glibc declares these only under __USE_XOPEN; Swift does not see them otherwise.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

static inline WINDOW *arena_stdscr(void) { return stdscr; }
static inline WINDOW *arena_curscr(void) { return curscr; }
static inline int arena_colors(void) { return COLORS; }
static inline int arena_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t arena_attr_normal(void) { return A_NORMAL; }
static inline attr_t arena_attr_bold(void) { return A_BOLD; }
static inline attr_t arena_attr_dim(void) { return A_DIM; }
static inline attr_t arena_attr_italic(void) { return A_ITALIC; }
static inline attr_t arena_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t arena_attr_reverse(void) { return A_REVERSE; }

static inline mmask_t arena_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t arena_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t arena_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t arena_button5_pressed(void) { return BUTTON5_PRESSED; }

// newterm on the process's own stdin/stdout (Swift 6 rejects the stdio globals).
static inline SCREEN *arena_newterm(void) { return newterm(NULL, stdout, stdin); }

static inline int arena_key_f0(void) { return KEY_F0; }

// setcchar with an extended colour pair (ncurses ≥ 6.1 reads the pair from `opts`).
static inline int arena_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, 0, &pair);
}

#endif
