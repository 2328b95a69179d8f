@NullMarked
package kr.gukdae.app.data;

import org.jspecify.annotations.NullMarked;
