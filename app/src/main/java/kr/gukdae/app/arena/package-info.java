@NullMarked
package kr.gukdae.app.arena;

import org.jspecify.annotations.NullMarked;
