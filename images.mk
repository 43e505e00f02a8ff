## images.mk - make images: every enabled medium into dist/ (issue 5).
