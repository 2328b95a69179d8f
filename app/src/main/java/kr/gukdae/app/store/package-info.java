@NullMarked
package kr.gukdae.app.store;

import org.jspecify.annotations.NullMarked;
