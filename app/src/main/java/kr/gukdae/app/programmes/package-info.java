@NullMarked
package kr.gukdae.app.programmes;

import org.jspecify.annotations.NullMarked;
