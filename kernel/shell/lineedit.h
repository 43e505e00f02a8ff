/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* lineedit.h - read one line from the console, with editing.

   lineedit_read() echoes what is typed and understands, from a serial
   terminal and the PS/2 keyboard alike (keyboard.c sends the same
   sequences):
     Backspace (BS or DEL)        erase before the cursor
     Delete (ESC [ 3 ~), Ctrl-D   erase under the cursor
     Left/Right (ESC [ D / C), Ctrl-B / Ctrl-F   move
     Home/End (ESC [ H / F, ESC O H / F, ESC [ 1~ / 4~), Ctrl-A / E
     Up/Down (ESC [ A / B), Ctrl-P / Ctrl-N   walk the history
     Ctrl-U   erase the whole line;  Ctrl-C   abandon the line
     CR, LF or CR LF   end the line
   Other control bytes are ignored; Tab counts as a space.  When the
   console dropped input (it came faster than the shell read it), the
   line it belonged to is dropped too, up to its end or a pause in the
   input, with a bell and "^ input lost, line dropped": a damaged line
   is never run, and the next one is read whole.  Redrawing
   uses only BS, spaces and the characters themselves, so it works on
   any terminal; a line longer than the screen width cannot be edited
   across the wrap on the VGA screen.
   The history keeps the last LINEEDIT_HISTORY distinct non-empty
   lines.  State: the history and the CR LF pairing.  */

#ifndef SHELL_LINEEDIT_H
#define SHELL_LINEEDIT_H

#include <stddef.h>

#define LINEEDIT_HISTORY 16

/* Read a line into BUF (at most SIZE - 1 characters, NUL-terminated),
   after printing nothing: the caller prints the prompt.  */
void lineedit_read(char *buf, size_t size);

#endif /* SHELL_LINEEDIT_H */
