#!/usr/bin/env python3
"""udp_sink.py PORTFILE OUT N — a UDP listener for run_tee_tests.sh.

Binds 127.0.0.1 on a free port, writes the port to PORTFILE (then renames
it into place, so a reader never sees half a number), receives N datagrams
and writes each as one line of lowercase hex to OUT, in arrival order, the
same encoding as a polar-osc recording's second column: comparing the two
is comparing bytes. A 60 s socket timeout is a hang guard, not a speed test.
"""
import os
import socket
import sys

port_file, out_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", 0))
sock.settimeout(60)
with open(port_file + ".tmp", "w") as f:
    f.write(str(sock.getsockname()[1]))
os.rename(port_file + ".tmp", port_file)
with open(out_file, "w") as out:
    for _ in range(count):
        data, _ = sock.recvfrom(65535)
        out.write(data.hex() + "\n")
        out.flush()
