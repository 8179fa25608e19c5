#!/usr/bin/env python3
"""press_key.py KEY [COUNT] — presses KEY (an X keysym name, e.g. "s") COUNT
times on the X display in $DISPLAY, as a keyboard would, through the XTEST
extension (libXtst, which Xvfb serves), with the pointer moved to the
screen's centre first: without a window manager the focus follows the
pointer, and polar-viewer's window opens centred. ctypes only, so the test
needs no xdotool or python3-xlib. Exit 77 (skip) when libX11/libXtst are
missing, 1 when the display cannot be opened.
"""
import ctypes
import ctypes.util
import sys
import time


def load(name):
    path = ctypes.util.find_library(name)
    if not path:
        print(f"SKIP: lib{name} missing", file=sys.stderr)
        sys.exit(77)
    return ctypes.CDLL(path)


def main():
    key = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    x11, xtst = load("X11"), load("Xtst")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XStringToKeysym.restype = ctypes.c_ulong
    x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
    x11.XKeysymToKeycode.restype = ctypes.c_ubyte
    x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XDefaultScreen.argtypes = [ctypes.c_void_p]
    x11.XDisplayWidth.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XDisplayHeight.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtst.XTestFakeKeyEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
    xtst.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_ulong]
    display = x11.XOpenDisplay(None)
    if not display:
        print("press_key.py: cannot open the display", file=sys.stderr)
        return 1
    screen = x11.XDefaultScreen(display)
    xtst.XTestFakeMotionEvent(display, screen, x11.XDisplayWidth(display, screen) // 2,
                              x11.XDisplayHeight(display, screen) // 2, 0)
    code = x11.XKeysymToKeycode(display, x11.XStringToKeysym(key.encode()))
    for _ in range(count):
        xtst.XTestFakeKeyEvent(display, code, 1, 0)
        xtst.XTestFakeKeyEvent(display, code, 0, 0)
        x11.XSync(display, 0)
        # Two presses in the same instant can merge into one poll of the
        # viewer's event queue; a tenth of a second apart they are two frames.
        time.sleep(0.1)
    x11.XCloseDisplay(display)
    return 0


if __name__ == "__main__":
    sys.exit(main())
