@NullMarked
package kr.gukdae.app.needle;

import org.jspecify.annotations.NullMarked;
