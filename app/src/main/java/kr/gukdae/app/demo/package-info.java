@NullMarked
package kr.gukdae.app.demo;

import org.jspecify.annotations.NullMarked;
