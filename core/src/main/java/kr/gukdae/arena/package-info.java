@NullMarked
package kr.gukdae.arena;

import org.jspecify.annotations.NullMarked;
