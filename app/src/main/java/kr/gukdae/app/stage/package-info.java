@NullMarked
package kr.gukdae.app.stage;

import org.jspecify.annotations.NullMarked;
