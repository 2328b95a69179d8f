@NullMarked
package kr.gukdae.cli;

import org.jspecify.annotations.NullMarked;
