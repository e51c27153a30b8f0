// The tokenizer and scorer stackalloc small buffers on every call and write before they read.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
