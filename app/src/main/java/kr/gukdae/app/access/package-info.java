@NullMarked
package kr.gukdae.app.access;

import org.jspecify.annotations.NullMarked;
