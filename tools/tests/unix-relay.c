/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* unix-relay.c - connect to a UNIX-domain socket and relay it to stdio.

   usage: unix-relay SOCKET [SECONDS]
   The testsuite talks to QEMU's monitor over a UNIX socket (no network
   needed), and Tcl has no UNIX sockets: it runs this program as a pipe.
   Waits up to SECONDS (default 10) for the socket to accept, then copies
   stdin to the socket and the socket to stdout until either ends.  Exit
   status 0 after a clean end, 1 when the socket never accepted.  */

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

/* Copy what FROM has to TO; return 0 at the end of FROM or on error.  */
static int pump(int from, int to)
{
	char buf[4096];
	ssize_t n = read(from, buf, sizeof(buf));

	if (n <= 0)
		return 0;
	for (ssize_t done = 0; done < n;) {
		ssize_t w = write(to, buf + done, (size_t)(n - done));

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return 0;
		done += w;
	}
	return 1;
}

static int connect_until(const char *path, int seconds)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	struct timespec pause = { 0, 50 * 1000 * 1000 };

	if (strlen(path) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "unix-relay: %s: path too long for a socket\n",
			path);
		return -1;
	}
	strcpy(addr.sun_path, path);
	for (int tries = seconds * 20; tries >= 0; tries--) {
		int fd = socket(AF_UNIX, SOCK_STREAM, 0);

		if (fd < 0) {
			perror("unix-relay: socket");
			return -1;
		}
		if (connect(fd, (struct sockaddr *)&addr, sizeof(addr)) == 0)
			return fd;
		close(fd);
		nanosleep(&pause, NULL);
	}
	fprintf(stderr, "unix-relay: %s: nobody accepted in %d s\n", path,
		seconds);
	return -1;
}

int main(int argc, char **argv)
{
	struct pollfd fds[2];
	int sock;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: unix-relay SOCKET [SECONDS]\n");
		return 2;
	}
	sock = connect_until(argv[1], argc == 3 ? atoi(argv[2]) : 10);
	if (sock < 0)
		return 1;
	fds[0] = (struct pollfd){ .fd = STDIN_FILENO, .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = sock, .events = POLLIN };
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return 1;
		}
		if (fds[0].revents && !pump(STDIN_FILENO, sock))
			break;
		if (fds[1].revents && !pump(sock, STDOUT_FILENO))
			break;
	}
	close(sock);
	return 0;
}
